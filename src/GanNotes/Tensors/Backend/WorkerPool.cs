using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace GanNotes.Tensors.Backend;

/// <summary>A kernel's work cut into independent parts, run by <see cref="WorkerPool.Run"/>.</summary>
internal abstract class PartitionedWork
{
    /// <summary>Runs part <paramref name="part"/> of <paramref name="parts"/>; parts must not write the same memory.</summary>
    public abstract void Execute(int part, int parts);
}

/// <summary>
/// Persistent worker threads for the kernels: a product is handed to them without any
/// allocation (the thread pool's <c>Parallel.For</c> allocates its closure and state on
/// every call, dozens of times per training step).
/// </summary>
/// <remarks>
/// <para>
/// The caller always runs part 0. The other parts are claimed, one at a time, by whichever
/// thread gets to them first: a worker, or the caller once its own part is done. So when a
/// worker has lost its core (to .NET's background JIT in a run's first seconds, or to
/// another tenant of a shared machine), the caller does the worker's part instead of
/// waiting milliseconds for it. Results do not depend on which thread runs a part.
/// </para>
/// <para>
/// Workers poll for the next job for <see cref="SpinTime"/> after each one before they
/// block, since a training step runs its products back to back; in steady state a hand-off
/// takes under a microsecond (docs/benchmarks.md). A caller that waits for a part a worker
/// is still running polls for <see cref="WaitSpinTime"/>, then blocks, which frees its core
/// for the descheduled worker. Only one caller uses the pool at a time; a concurrent caller
/// runs all parts on its own thread.
/// </para>
/// </remarks>
internal static class WorkerPool
{
    /// <summary>How long an idle worker keeps polling for the next job before it sleeps.</summary>
    public static readonly TimeSpan SpinTime = TimeSpan.FromMilliseconds(5);

    /// <summary>How long the caller polls for the workers' last parts before it sleeps.</summary>
    public static readonly TimeSpan WaitSpinTime = TimeSpan.FromMicroseconds(200);

    private static readonly Lock Gate = new();
    private static readonly object WorkerWake = new();
    private static readonly object CallerWake = new();
    private static readonly List<Thread> Workers = [];

    // The job in flight; written by the caller before it publishes `state`.
    private static PartitionedWork? job;
    private static int jobParts;
    private static int sequence;

    // (job sequence << 32) | next part to claim. A part is claimed by a compare-and-swap
    // that also checks the sequence, so a late worker never claims a part of a newer job.
    private static long state;
    private static int completed; // parts of the current job finished
    // Read with Volatile.Read, written with Interlocked: every write is a full fence, so the
    // two sides of each sleep/wake pair cannot both read stale values and lose a wake-up.
    private static int sleepingWorkers;
    private static int callerSleeping;
    private static ExceptionDispatchInfo? failure;
    private static int failedPart;

    /// <summary>
    /// Runs <paramref name="work"/> in <paramref name="parts"/> parts, part 0 on the calling
    /// thread and the others on workers or the caller, and returns when all are done. When
    /// parts throw, the exception of the lowest such part is rethrown.
    /// </summary>
    public static void Run(PartitionedWork work, int parts)
    {
        if (parts <= 1 || !Gate.TryEnter())
        {
            for (int p = 0; p < parts; p++)
            {
                work.Execute(p, parts);
            }
            return;
        }
        try
        {
            while (Workers.Count < parts - 1)
            {
                var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"GanNotes kernel worker {Workers.Count + 1}" };
                thread.Start();
                Workers.Add(thread);
            }
            // Close the finished job before its fields are overwritten. A worker that read the
            // old state just before might otherwise see the new job's fields (more parts) beside
            // the old sequence's part counter, claim a part twice and over-count `completed`, and
            // the caller would wait for ever. Any claim on the old state now fails its CAS.
            Interlocked.Exchange(ref state, ((long)sequence << 32) | int.MaxValue);
            (job, jobParts, completed, failure, failedPart) = (work, parts, 0, null, int.MaxValue);
            int seq = unchecked(++sequence);
            Interlocked.Exchange(ref state, ((long)seq << 32) | 1); // publishes the fields above; part 0 is the caller's
            if (Volatile.Read(ref sleepingWorkers) != 0)
            {
                lock (WorkerWake)
                {
                    Monitor.PulseAll(WorkerWake);
                }
            }
            Execute(work, 0, parts);
            ClaimParts(seq);
            WaitForParts(parts);
            job = null;
            failure?.Throw();
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <summary>Claims and runs parts of job <paramref name="seq"/> until none is left.</summary>
    private static void ClaimParts(int seq)
    {
        while (true)
        {
            long s = Volatile.Read(ref state);
            int next = (int)s;
            if ((int)(s >> 32) != seq || next == int.MaxValue)
            {
                return;
            }
            // Read after the state: they belong to job `seq` if the CAS below succeeds, since the
            // caller closes the state (changing it) before it writes the next job's fields.
            var work = job;
            int parts = jobParts;
            if (next >= parts)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref state, s + 1, s) == s)
            {
                Execute(work!, next, parts);
            }
        }
    }

    private static void Execute(PartitionedWork work, int part, int parts)
    {
        try
        {
            work.Execute(part, parts);
        }
        catch (Exception e)
        {
            lock (CallerWake)
            {
                if (part < failedPart)
                {
                    (failure, failedPart) = (ExceptionDispatchInfo.Capture(e), part);
                }
            }
        }
        if (Interlocked.Increment(ref completed) == parts && Volatile.Read(ref callerSleeping) != 0)
        {
            lock (CallerWake)
            {
                Monitor.PulseAll(CallerWake);
            }
        }
    }

    private static void WaitForParts(int parts)
    {
        long since = Stopwatch.GetTimestamp();
        var spin = new SpinWait();
        while (Volatile.Read(ref completed) != parts)
        {
            if (Stopwatch.GetElapsedTime(since) < WaitSpinTime)
            {
                spin.SpinOnce(sleep1Threshold: -1);
                continue;
            }
            lock (CallerWake)
            {
                Interlocked.Exchange(ref callerSleeping, 1);
                // Checked under the lock the last finisher pulses under: no wake-up is lost.
                while (Volatile.Read(ref completed) != parts)
                {
                    Monitor.Wait(CallerWake);
                }
                Interlocked.Exchange(ref callerSleeping, 0);
            }
        }
    }

    private static void WorkerLoop()
    {
        int seen = 0;
        while (true)
        {
            long idleSince = Stopwatch.GetTimestamp();
            var spin = new SpinWait();
            while ((int)(Volatile.Read(ref state) >> 32) == seen)
            {
                if (Stopwatch.GetElapsedTime(idleSince) < SpinTime)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                    continue;
                }
                lock (WorkerWake)
                {
                    Interlocked.Increment(ref sleepingWorkers);
                    // Checked under the lock the caller pulses under: no wake-up is lost.
                    if ((int)(Volatile.Read(ref state) >> 32) == seen)
                    {
                        Monitor.Wait(WorkerWake);
                    }
                    Interlocked.Decrement(ref sleepingWorkers);
                }
                idleSince = Stopwatch.GetTimestamp();
            }
            seen = (int)(Volatile.Read(ref state) >> 32);
            ClaimParts(seen);
        }
    }
}
