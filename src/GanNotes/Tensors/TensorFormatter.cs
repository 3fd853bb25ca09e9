using System.Globalization;
using System.Text;

namespace GanNotes.Tensors;

/// <summary>Prints tensors the way PyTorch does: <c>tensor([[0.1000, 0.2000], ...], requires_grad=True)</c>.</summary>
internal static class TensorFormatter
{
    private const int SummaryThreshold = 1000; // PyTorch's print threshold
    private const int EdgeItems = 3;

    public static string Format(Tensor t)
    {
        var values = t.ToArray();
        bool summarize = values.Length > SummaryThreshold;
        var style = ChooseStyle(values);
        var cells = new string[values.Length];
        int width = 0;
        for (int i = 0; i < values.Length; i++)
        {
            cells[i] = FormatValue(values[i], style);
            width = Math.Max(width, cells[i].Length);
        }
        var sb = new StringBuilder("tensor(");
        if (t.Rank == 0)
        {
            sb.Append(cells[0]);
        }
        else
        {
            AppendDim(sb, t.ShapeArray, 0, 0, cells, width, summarize, indent: 8);
        }
        if (t.GradFn is not null)
        {
            sb.Append(", grad_fn=").Append(t.GradFn);
        }
        else if (t.RequiresGrad)
        {
            sb.Append(", requires_grad=True");
        }
        return sb.Append(')').ToString();
    }

    private enum Style { Integer, Fixed, Scientific }

    private static Style ChooseStyle(float[] values)
    {
        bool allIntegers = true;
        double maxAbs = 0, minNonZero = double.MaxValue;
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                continue;
            }
            double a = Math.Abs(v);
            allIntegers &= v == MathF.Round(v);
            maxAbs = Math.Max(maxAbs, a);
            if (a > 0)
            {
                minNonZero = Math.Min(minNonZero, a);
            }
        }
        if (allIntegers && maxAbs < 1e8)
        {
            return Style.Integer;
        }
        // PyTorch's rule: scientific when the range spans more than 3 decades or leaves fixed-point's 4 decimals.
        return maxAbs > 1e8 || minNonZero < 1e-4 || maxAbs / minNonZero > 1000 ? Style.Scientific : Style.Fixed;
    }

    private static string FormatValue(float v, Style style)
    {
        if (float.IsNaN(v))
        {
            return "nan";
        }
        if (float.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }
        return style switch
        {
            Style.Integer => v.ToString("0", CultureInfo.InvariantCulture) + ".",
            Style.Fixed => v.ToString("0.0000", CultureInfo.InvariantCulture),
            _ => v.ToString("0.0000e+00", CultureInfo.InvariantCulture),
        };
    }

    private static void AppendDim(StringBuilder sb, int[] shape, int dim, int offset, string[] cells, int width, bool summarize, int indent)
    {
        int size = shape[dim];
        int stride = 1;
        for (int i = dim + 1; i < shape.Length; i++)
        {
            stride *= shape[i];
        }
        sb.Append('[');
        bool last = dim == shape.Length - 1;
        for (int i = 0; i < size; i++)
        {
            if (summarize && size > 2 * EdgeItems && i == EdgeItems)
            {
                sb.Append(last ? " ..., " : "...,\n" + new string(' ', indent + dim));
                i = size - EdgeItems - 1;
                continue;
            }
            if (last)
            {
                sb.Append(cells[offset + i].PadLeft(width));
            }
            else
            {
                AppendDim(sb, shape, dim + 1, offset + i * stride, cells, width, summarize, indent);
            }
            if (i < size - 1)
            {
                sb.Append(last ? ", " : "," + new string('\n', shape.Length - dim - 1) + new string(' ', indent + dim));
            }
        }
        sb.Append(']');
    }
}
