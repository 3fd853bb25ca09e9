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
/// Workers poll for the next job for <see cref="SpinTime"/> after each one before they
/// block, since a training step runs its products back to back. The caller always runs
/// part 0 itself. Only one caller uses the pool at a time; a concurrent caller runs all
/// parts on its own thread, which gives the same results, since parts never share outputs.
/// On the shared virtual machines we measure on, handing a job to the other core still
/// costs 100-250 microseconds however the worker waits (docs/benchmarks.md), so only
/// products of several MFLOP are split.
/// </remarks>
internal static class WorkerPool
{
    /// <summary>How long an idle worker keeps polling for the next job before it sleeps.</summary>
    public static readonly TimeSpan SpinTime = TimeSpan.FromMilliseconds(5);

    private static readonly Lock Gate = new();
    private static readonly List<Worker> Workers = [];

    /// <summary>
    /// Runs <paramref name="work"/> in <paramref name="parts"/> parts, part 0 on the calling
    /// thread and the others on workers, and returns when all are done.
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
                Workers.Add(new Worker(Workers.Count + 1));
            }
            for (int p = 1; p < parts; p++)
            {
                Workers[p - 1].Start(work, p, parts);
            }
            ExceptionDispatchInfo? failure = null;
            try
            {
                work.Execute(0, parts);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            for (int p = 1; p < parts; p++)
            {
                var error = Workers[p - 1].Wait();
                failure ??= error;
            }
            failure?.Throw();
        }
        finally
        {
            Gate.Exit();
        }
    }

    private sealed class Worker
    {
        private readonly object wake = new();
        private PartitionedWork? job;
        private int part, parts;
        // Read with Volatile.Read, written with Interlocked: every write is a full fence, so
        // the poster's (posted, then sleeping) and the worker's (sleeping, then posted)
        // store-load pairs cannot both read stale values and lose a wake-up.
        private int posted;   // jobs handed over
        private int finished; // jobs completed
        private int sleeping;
        private ExceptionDispatchInfo? error;

        public Worker(int index)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"GanNotes kernel worker {index}" };
            thread.Start();
        }

        public void Start(PartitionedWork work, int part, int parts)
        {
            job = work;
            this.part = part;
            this.parts = parts;
            error = null;
            Interlocked.Increment(ref posted); // publishes the fields above
            if (Volatile.Read(ref sleeping) != 0)
            {
                lock (wake)
                {
                    Monitor.Pulse(wake);
                }
            }
        }

        public ExceptionDispatchInfo? Wait()
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref finished) != Volatile.Read(ref posted))
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
            job = null;
            return error;
        }

        private void Loop()
        {
            int seen = 0;
            while (true)
            {
                long idleSince = Stopwatch.GetTimestamp();
                var spin = new SpinWait();
                while (Volatile.Read(ref posted) == seen)
                {
                    if (Stopwatch.GetElapsedTime(idleSince) < SpinTime)
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                        continue;
                    }
                    lock (wake)
                    {
                        Interlocked.Exchange(ref sleeping, 1);
                        // Checked under the lock the poster pulses under: no wake-up is lost.
                        if (Volatile.Read(ref posted) == seen)
                        {
                            Monitor.Wait(wake);
                        }
                        Interlocked.Exchange(ref sleeping, 0);
                    }
                    idleSince = Stopwatch.GetTimestamp();
                }
                seen = Volatile.Read(ref posted);
                try
                {
                    job!.Execute(part, parts);
                }
                catch (Exception e)
                {
                    error = ExceptionDispatchInfo.Capture(e);
                }
                Interlocked.Exchange(ref finished, seen);
            }
        }
    }
}
