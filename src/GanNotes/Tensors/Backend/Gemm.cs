namespace GanNotes.Tensors.Backend;

internal static class Gemm
{
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float[] a, float[] b, float[] c, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float s = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++)
                {
                    s += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
                }
                c[i * n + j] = s;
            }
        }
    }
}
