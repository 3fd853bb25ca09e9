/*
 * fma-peak.c: this machine's fp32 fused multiply-add peak, in GFLOP/s, on 1 thread and on
 * every core the process may use.
 *
 * What it measures: each thread runs a loop of 12 independent vector FMA chains,
 * acc[j] = acc[j] * a + b, 512-bit (AVX-512F, 16 floats) or, on a CPU without AVX-512,
 * 256-bit (AVX2 + FMA, 8 floats). Twelve chains cover the FMA latency times the FMA
 * ports of current x86 cores (Zen 4/5: latency 4, 2 ports; Intel: latency 4, 2 ports),
 * so the loop is bound by FMA throughput, not by one chain's latency. One FMA counts as
 * 2 flops per lane; GFLOP/s = threads * iterations * 12 * lanes * 2 / seconds, the time
 * taken from a barrier that releases all threads to the join of the last one. Each thread
 * is pinned to its own CPU of the process's affinity mask. Every figure is the median of
 * several repetitions, after one untimed warm-up run (clock ramp-up, AVX-512 power state).
 *
 * This is the peak the GEMM of src/GanNotes/Tensors/Backend is compared with
 * (docs/benchmarks.md, "GEMM and the machine's FMA peak"); the C# `kernels` benchmark
 * measures the same loop from .NET.
 *
 * Run: tests/GanNotes.Benchmarks/fma-peak.sh [repetitions=7] [million iterations per thread=100]
 *      (compiles this file into a temporary folder and runs it; the flags are printed).
 * Needs: gcc (12 or later) on x86-64 Linux, with pthreads; a CPU with AVX2 and FMA at least.
 *
 * The kernels are compiled for their ISA with target attributes and chosen at run time with
 * __builtin_cpu_supports, so one binary runs on CPUs with and without AVX-512. The sum of
 * all accumulators is printed so that the compiler cannot drop the loop.
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef FMA_PEAK_FLAGS
#define FMA_PEAK_FLAGS "(not given: compile through fma-peak.sh)"
#endif

#define CHAINS 12
#define MAX_REPS 101

/* acc * a + b with a just below 1 converges to b / (1 - a): the values stay finite and normal
 * (denormals would slow some cores down) however long the loop runs. */
static const float A = 0.9999999f;
static const float B = 1e-7f;

__attribute__((target("avx512f,fma"), noinline))
static double chains_avx512(long iterations, float seed)
{
    __m512 a = _mm512_set1_ps(A), b = _mm512_set1_ps(B);
    __m512 c0 = _mm512_set1_ps(seed), c1 = _mm512_set1_ps(seed + 1), c2 = _mm512_set1_ps(seed + 2);
    __m512 c3 = _mm512_set1_ps(seed + 3), c4 = _mm512_set1_ps(seed + 4), c5 = _mm512_set1_ps(seed + 5);
    __m512 c6 = _mm512_set1_ps(seed + 6), c7 = _mm512_set1_ps(seed + 7), c8 = _mm512_set1_ps(seed + 8);
    __m512 c9 = _mm512_set1_ps(seed + 9), c10 = _mm512_set1_ps(seed + 10), c11 = _mm512_set1_ps(seed + 11);
    for (long i = 0; i < iterations; i++)
    {
        c0 = _mm512_fmadd_ps(c0, a, b);
        c1 = _mm512_fmadd_ps(c1, a, b);
        c2 = _mm512_fmadd_ps(c2, a, b);
        c3 = _mm512_fmadd_ps(c3, a, b);
        c4 = _mm512_fmadd_ps(c4, a, b);
        c5 = _mm512_fmadd_ps(c5, a, b);
        c6 = _mm512_fmadd_ps(c6, a, b);
        c7 = _mm512_fmadd_ps(c7, a, b);
        c8 = _mm512_fmadd_ps(c8, a, b);
        c9 = _mm512_fmadd_ps(c9, a, b);
        c10 = _mm512_fmadd_ps(c10, a, b);
        c11 = _mm512_fmadd_ps(c11, a, b);
    }
    __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(c0, c1), _mm512_add_ps(c2, c3)),
                             _mm512_add_ps(_mm512_add_ps(c4, c5), _mm512_add_ps(c6, c7)));
    s = _mm512_add_ps(s, _mm512_add_ps(_mm512_add_ps(c8, c9), _mm512_add_ps(c10, c11)));
    return _mm512_reduce_add_ps(s);
}

__attribute__((target("avx2,fma"), noinline))
static double chains_avx2(long iterations, float seed)
{
    __m256 a = _mm256_set1_ps(A), b = _mm256_set1_ps(B);
    __m256 c0 = _mm256_set1_ps(seed), c1 = _mm256_set1_ps(seed + 1), c2 = _mm256_set1_ps(seed + 2);
    __m256 c3 = _mm256_set1_ps(seed + 3), c4 = _mm256_set1_ps(seed + 4), c5 = _mm256_set1_ps(seed + 5);
    __m256 c6 = _mm256_set1_ps(seed + 6), c7 = _mm256_set1_ps(seed + 7), c8 = _mm256_set1_ps(seed + 8);
    __m256 c9 = _mm256_set1_ps(seed + 9), c10 = _mm256_set1_ps(seed + 10), c11 = _mm256_set1_ps(seed + 11);
    for (long i = 0; i < iterations; i++)
    {
        c0 = _mm256_fmadd_ps(c0, a, b);
        c1 = _mm256_fmadd_ps(c1, a, b);
        c2 = _mm256_fmadd_ps(c2, a, b);
        c3 = _mm256_fmadd_ps(c3, a, b);
        c4 = _mm256_fmadd_ps(c4, a, b);
        c5 = _mm256_fmadd_ps(c5, a, b);
        c6 = _mm256_fmadd_ps(c6, a, b);
        c7 = _mm256_fmadd_ps(c7, a, b);
        c8 = _mm256_fmadd_ps(c8, a, b);
        c9 = _mm256_fmadd_ps(c9, a, b);
        c10 = _mm256_fmadd_ps(c10, a, b);
        c11 = _mm256_fmadd_ps(c11, a, b);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(c0, c1), _mm256_add_ps(c2, c3)),
                             _mm256_add_ps(_mm256_add_ps(c4, c5), _mm256_add_ps(c6, c7)));
    s = _mm256_add_ps(s, _mm256_add_ps(_mm256_add_ps(c8, c9), _mm256_add_ps(c10, c11)));
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    double sum = 0;
    for (int i = 0; i < 8; i++)
    {
        sum += lanes[i];
    }
    return sum;
}

typedef double (*kernel_fn)(long iterations, float seed);

struct worker
{
    pthread_t thread;
    int cpu;                  /* the CPU it is pinned to, -1: not pinned */
    int pinned;               /* whether pinning succeeded */
    kernel_fn kernel;
    long iterations;
    pthread_barrier_t *start;
    double sum;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    if (w->cpu >= 0)
    {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(w->cpu, &set);
        w->pinned = pthread_setaffinity_np(pthread_self(), sizeof set, &set) == 0;
    }
    pthread_barrier_wait(w->start);
    w->sum = w->kernel(w->iterations, (float)w->cpu);
    return NULL;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* One timed run on `threads` threads pinned to cpus[0..threads-1]: GFLOP/s; adds the sums to *sum. */
static double run_once(kernel_fn kernel, int lanes, long iterations, int threads, const int *cpus, double *sum, int *all_pinned)
{
    struct worker *workers = calloc((size_t)threads, sizeof *workers);
    pthread_barrier_t start;
    if (workers == NULL || pthread_barrier_init(&start, NULL, (unsigned)threads + 1) != 0)
    {
        fprintf(stderr, "error: cannot set up %d threads\n", threads);
        exit(1);
    }
    for (int t = 0; t < threads; t++)
    {
        workers[t] = (struct worker){.cpu = cpus[t], .kernel = kernel, .iterations = iterations, .start = &start};
        if (pthread_create(&workers[t].thread, NULL, work, &workers[t]) != 0)
        {
            fprintf(stderr, "error: cannot start thread %d of %d\n", t + 1, threads);
            exit(1);
        }
    }
    pthread_barrier_wait(&start);
    double t0 = now_seconds();
    for (int t = 0; t < threads; t++)
    {
        pthread_join(workers[t].thread, NULL);
    }
    double seconds = now_seconds() - t0;
    for (int t = 0; t < threads; t++)
    {
        *sum += workers[t].sum;
        *all_pinned &= workers[t].pinned;
    }
    pthread_barrier_destroy(&start);
    free(workers);
    return (double)threads * iterations * CHAINS * lanes * 2 / seconds / 1e9;
}

static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* The median of `reps` timed runs; prints each. */
static double median_run(kernel_fn kernel, int lanes, long iterations, int threads, const int *cpus, int reps, double *sum, int *all_pinned)
{
    double gflops[MAX_REPS];
    printf("%d thread%s:", threads, threads == 1 ? " " : "s");
    for (int r = 0; r < reps; r++)
    {
        gflops[r] = run_once(kernel, lanes, iterations, threads, cpus, sum, all_pinned);
        printf(" %.1f", gflops[r]);
        fflush(stdout);
    }
    printf(" GFLOP/s\n");
    qsort(gflops, (size_t)reps, sizeof gflops[0], compare_doubles);
    return reps % 2 == 1 ? gflops[reps / 2] : (gflops[reps / 2 - 1] + gflops[reps / 2]) / 2;
}

/* Prints the first line of /proc/cpuinfo that starts with `key` (e.g. "model name"). */
static void print_cpuinfo(const char *key)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
    {
        if (strncmp(line, key, strlen(key)) == 0)
        {
            fputs(line, stdout);
            fclose(f);
            return;
        }
    }
    printf("%s\t: (not in /proc/cpuinfo)\n", key);
    if (f != NULL)
    {
        fclose(f);
    }
}

static long positive_argument(const char *text, const char *name, long max)
{
    char *end;
    long value = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value < 1 || value > max)
    {
        fprintf(stderr, "error: %s must be an integer in [1, %ld], got '%s'\n", name, max, text);
        exit(2);
    }
    return value;
}

int main(int argc, char **argv)
{
    if (argc > 3)
    {
        fprintf(stderr, "usage: fma-peak [repetitions=7] [million iterations per thread=100]\n");
        return 2;
    }
    int reps = argc > 1 ? (int)positive_argument(argv[1], "repetitions", MAX_REPS) : 7;
    long iterations = (argc > 2 ? positive_argument(argv[2], "million iterations", 100000) : 100) * 1000000L;

    __builtin_cpu_init();
    kernel_fn kernel;
    int lanes;
    const char *isa;
    if (__builtin_cpu_supports("avx512f"))
    {
        kernel = chains_avx512, lanes = 16, isa = "AVX-512F: 512-bit vfmadd231ps";
    }
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    {
        kernel = chains_avx2, lanes = 8, isa = "AVX2 + FMA: 256-bit vfmadd231ps (no AVX-512 on this CPU)";
    }
    else
    {
        fprintf(stderr, "error: this CPU has neither AVX-512F nor AVX2 with FMA\n");
        return 1;
    }

    cpu_set_t allowed;
    int cpus[CPU_SETSIZE], ncpus = 0;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0)
    {
        for (int c = 0; c < CPU_SETSIZE; c++)
        {
            if (CPU_ISSET(c, &allowed))
            {
                cpus[ncpus++] = c;
            }
        }
    }
    if (ncpus == 0)
    {
        cpus[0] = -1, ncpus = 1; /* affinity unknown: one unpinned thread */
    }

    print_cpuinfo("model name");
    print_cpuinfo("cpu family");
    printf("compiler: gcc %s, flags: %s\n", __VERSION__, FMA_PEAK_FLAGS);
    printf("kernel: %s, %d independent chains per thread, %ld iterations per thread\n", isa, CHAINS, iterations);
    printf("cpus: %d in the affinity mask; each thread pinned to one\n", ncpus);

    double sum = 0;
    int pinned = 1;
    run_once(kernel, lanes, iterations / 4, ncpus, cpus, &sum, &pinned); /* warm-up, untimed */
    double one = median_run(kernel, lanes, iterations, 1, cpus, reps, &sum, &pinned);
    double all = median_run(kernel, lanes, iterations, ncpus, cpus, reps, &sum, &pinned);
    printf("median of %d: 1 thread %.1f GFLOP/s, %d threads %.1f GFLOP/s (%.2fx)\n", reps, one, ncpus, all, all / one);
    if (!pinned)
    {
        printf("note: pinning failed for some threads; they ran where the scheduler put them\n");
    }
    printf("sum of all accumulators (keeps the loop alive): %.6g\n", sum);
    return 0;
}
