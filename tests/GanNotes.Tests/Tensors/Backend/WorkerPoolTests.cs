using GanNotes.Tensors.Backend;

namespace GanNotes.Tests.Tensors.Backend;

/// <summary>The kernels' worker threads: every part runs once, failures reach the caller.</summary>
public sealed class WorkerPoolTests
{
    private sealed class Recorder(int parts) : PartitionedWork
    {
        public int[] Runs { get; } = new int[parts];

        public int[] Threads { get; } = new int[parts];

        public override void Execute(int part, int parts)
        {
            Interlocked.Increment(ref Runs[part]);
            Threads[part] = Environment.CurrentManagedThreadId;
        }
    }

    private sealed class Failing : PartitionedWork
    {
        public override void Execute(int part, int parts)
        {
            if (part == 1)
            {
                throw new InvalidOperationException("part 1 failed");
            }
        }
    }

    private sealed class FailingFrom(int first) : PartitionedWork
    {
        public override void Execute(int part, int parts)
        {
            if (part >= first)
            {
                Thread.SpinWait(1000 * (parts - part)); // higher parts tend to fail first
                throw new InvalidOperationException($"part {part} failed");
            }
        }
    }

    private sealed class Uneven(int parts, int seed) : PartitionedWork
    {
        public int[] Runs { get; } = new int[parts];

        public override void Execute(int part, int parts)
        {
            Thread.SpinWait(((seed * 7) + (part * 13)) % 50 * 20);
            Interlocked.Increment(ref Runs[part]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_EveryPartOnce_Part0OnTheCaller(int parts)
    {
        for (int repeat = 0; repeat < 50; repeat++)
        {
            var work = new Recorder(parts);
            WorkerPool.Run(work, parts);
            Assert.All(work.Runs, runs => Assert.Equal(1, runs));
            Assert.Equal(Environment.CurrentManagedThreadId, work.Threads[0]);
        }
    }

    [Fact]
    public void Run_AfterTheWorkersFellAsleep_StillCompletes()
    {
        WorkerPool.Run(new Recorder(2), 2);
        Thread.Sleep(WorkerPool.SpinTime * 3);
        var work = new Recorder(2);
        WorkerPool.Run(work, 2);
        Assert.Equal([1, 1], work.Runs);
    }

    [Fact]
    public void Run_PartThrowsOnAWorker_ExceptionReachesTheCallerAndPoolStaysUsable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WorkerPool.Run(new Failing(), 2));
        Assert.Equal("part 1 failed", error.Message);
        var work = new Recorder(2);
        WorkerPool.Run(work, 2);
        Assert.Equal([1, 1], work.Runs);
    }

    [Fact]
    public void Run_SeveralPartsThrow_TheLowestPartsExceptionReachesTheCaller()
    {
        for (int repeat = 0; repeat < 20; repeat++)
        {
            var error = Assert.Throws<InvalidOperationException>(() => WorkerPool.Run(new FailingFrom(1), 4));
            Assert.Equal("part 1 failed", error.Message);
        }
    }

    [Fact]
    public async Task Run_ManyJobsOfUnevenParts_EveryPartOfEveryJobRunsOnce()
    {
        // Parts of uneven length make the caller and the workers race for the next part, and
        // late workers meet jobs that are already finished, or the next job's fields half
        // written (a claim on the old job's counter once hung the caller here; a hang fails).
        var run = Task.Run(() =>
        {
            for (int repeat = 0; repeat < 2000; repeat++)
            {
                int parts = 2 + (repeat % 3);
                var work = new Uneven(parts, repeat);
                WorkerPool.Run(work, parts);
                Assert.All(work.Runs, runs => Assert.Equal(1, runs));
            }
        });
        // A TimeoutException here means WorkerPool.Run never returned: a part lost or counted twice.
        await run.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void Run_FromManyThreadsAtOnce_EveryPartOfEveryJobRunsOnce()
    {
        var jobs = Enumerable.Range(0, 64).Select(_ => new Recorder(2)).ToArray();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, job => WorkerPool.Run(job, 2));
        Assert.All(jobs, job => Assert.Equal([1, 1], job.Runs));
    }
}
