namespace GanNotes.Theory;

/// <summary>
/// A density given as a function, p(x) = <c>pdf(x)</c>: a uniform, a histogram, or a p_g known only in
/// closed form in a notebook. Its normalisation is checked where a probability density is required.
/// </summary>
public sealed class FunctionDensity : IDensity1D
{
    private readonly Func<double, double> pdf;
    private readonly string name;

    /// <summary>Wraps <paramref name="pdf"/>; <paramref name="name"/> is what error messages and ToString print.</summary>
    public FunctionDensity(Func<double, double> pdf, string name = "p")
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(name);
        this.pdf = pdf;
        this.name = name;
    }

    /// <inheritdoc/>
    public double Pdf(double x) => pdf(x);

    /// <inheritdoc/>
    public override string ToString() => name;
}
