using System.Globalization;
using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Tensors;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 00 (start here): a gradient computed with
/// <see cref="Tensor.Backward()"/>, and the indices of one class of Fashion-MNIST. The checks call
/// the student's function on inputs of their own, so no answer is written in the notebook.
/// </summary>
/// <example><code>
/// Console.WriteLine(StartHereExercises.GradientOfCubes(GradientOfCubes));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class StartHereExercises
{
    /// <summary>Sneaker, the class of exercise 3 (Fashion-MNIST's label 7).</summary>
    public const int SneakerLabel = 7;

    private const string GradientTask = "the gradient of y = x1^3 + x2^3 + x3^3";
    private const string SneakerTask = "the indices of sneakers";

    /// <summary>
    /// Exercise 2: <paramref name="answer"/> takes x (with <see cref="Tensor.RequiresGrad"/> set) and
    /// returns the gradient of y = sum_i x_i^3 there, dy/dx_i = 3 x_i^2, as <see cref="Tensor.Backward()"/>
    /// leaves it in x.Grad. Checked at x = (1, 2, 3), where it is (3, 12, 27), and at (-1, 0.5, 2).
    /// </summary>
    /// <param name="answer">The student's function (throws <see cref="NotImplementedException"/> while unanswered).</param>
    public static CheckResult GradientOfCubes(Func<Tensor, Tensor?> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        float[][] points = [[1f, 2f, 3f], [-1f, 0.5f, 2f]];
        foreach (var point in points)
        {
            var x = Tensor.FromArray(point);
            x.RequiresGrad = true;
            var grad = ExerciseCheck.Run(GradientTask, () => answer(x), out var verdict);
            if (verdict is not null)
            {
                return verdict;
            }
            if (grad is null)
            {
                return Wrong($"{GradientTask}: the function returned null. x.Grad stays null until you call Backward() on y.");
            }
            if (!grad.Shape.SequenceEqual(x.Shape))
            {
                return Wrong($"{GradientTask}: the function returned a tensor of {grad.NumElements} values; x has 3, and so has its gradient.");
            }
            float[] got = grad.ToArray();
            float[] expected = [.. point.Select(v => 3 * v * v)];
            if (Same(got, expected))
            {
                continue;
            }
            if (!ReferenceEquals(point, points[0]) && Same(got, [3f, 12f, 27f]))
            {
                return Wrong($"{GradientTask}: right at x = (1, 2, 3) but not at x = ({Format(point)}): compute it with Backward for the x you are given.");
            }
            string hint =
                Same(got, [.. point.Select(v => 2 * v)]) ? "That is the gradient of x1^2 + x2^2 + x3^2, the example above: y here sums cubes."
                : Same(got, [.. point.Select(v => v * v * v)]) ? "Those are the terms x_i^3 themselves, not their derivatives: call y.Backward() and return x.Grad."
                : Same(got, [.. point.Select(v => 3 * v)]) ? "The derivative of x^3 is 3x^2, not 3x."
                : Same(got, [.. expected.Select(v => 2 * v)]) ? "That is twice the gradient: Backward adds into Grad, so call it once."
                : "Write y with Tensor operations on x (x * x * x), take .Sum(), call Backward() and return x.Grad.";
            return Wrong($"{GradientTask} at x = ({Format(point)}): got ({Format(got)}). {hint}");
        }
        return new CheckResult(true, $"{GradientTask}: (3, 12, 27) at x = (1, 2, 3), and right at a second point too.");
    }

    /// <summary>
    /// Exercise 3: <paramref name="answer"/> takes a count and returns that many distinct indices of
    /// images of class <see cref="SneakerLabel"/> in <paramref name="data"/>. Checked with 16 and with 3.
    /// </summary>
    /// <param name="answer">The student's function (throws <see cref="NotImplementedException"/> while unanswered).</param>
    /// <param name="data">The dataset the indices point into (Fashion-MNIST's training set in the notebook).</param>
    public static CheckResult SneakerIndices(Func<int, int[]?> answer, ImageDataset data)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(data);
        string sneaker = data.ClassNames[SneakerLabel];
        foreach (int count in new[] { 16, 3 })
        {
            var indices = ExerciseCheck.Run(SneakerTask, () => answer(count), out var verdict);
            if (verdict is not null)
            {
                return verdict;
            }
            if (indices is null || indices.Length != count)
            {
                return Wrong(Invariant($"{SneakerTask}: asked for {count}, the function returned {indices?.Length ?? 0}. Take(count) keeps the first count."));
            }
            int outside = Array.FindIndex(indices, i => i < 0 || i >= data.Count);
            if (outside >= 0)
            {
                return Wrong(Invariant($"{SneakerTask}: {indices[outside]} is not an index of the {data.Count} images."));
            }
            int repeated = indices.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).DefaultIfEmpty(-1).First();
            if (repeated >= 0)
            {
                return Wrong(Invariant($"{SneakerTask}: index {repeated} appears twice; a grid of it would show the same image twice."));
            }
            int wrong = Array.FindIndex(indices, i => data.GetLabel(i) != SneakerLabel);
            if (wrong >= 0)
            {
                int label = data.GetLabel(indices[wrong]);
                return Wrong(Invariant($"{SneakerTask}: image {indices[wrong]} has label {label} ({data.ClassNames[label]}), not {SneakerLabel} ({sneaker}). Keep the indices i with fashion.GetLabel(i) == {SneakerLabel}."));
            }
        }
        return new CheckResult(true, $"{SneakerTask}: every index is a {sneaker}, none twice, as many as asked: right.");
    }

    private static CheckResult Wrong(string message) => new(false, message);

    private static bool Same(float[] a, float[] b) => a.Length == b.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-4f * Math.Max(1f, Math.Abs(p.Second)));

    private static string Format(float[] values) => string.Join(", ", values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
