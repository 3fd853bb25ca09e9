namespace GanNotes.Theory;

/// <summary>
/// A probability density on the real line, p(x) &gt;= 0 with integral 1: the p_data and p_g of
/// Goodfellow et al. 2014, Section 4, written as functions of x so that V(D, G), D*(x), C(G) and the
/// divergences can be integrated numerically.
/// </summary>
/// <remarks>
/// Only <see cref="Pdf"/> is required, so any density (a lambda through <see cref="FunctionDensity"/>,
/// or a type from another layer) can take part. The integrals that need a true probability density
/// check the normalisation on their grid first (<see cref="DensityValidation"/>).
/// </remarks>
public interface IDensity1D
{
    /// <summary>The density p(x); non-negative and finite.</summary>
    double Pdf(double x);

    /// <summary>
    /// log p(x), -infinity where p(x) = 0. The default is log(Pdf(x)); implementations override it where
    /// the density underflows long before its logarithm does (Gaussian tails), which keeps KL, JSD and
    /// D* accurate far from the modes.
    /// </summary>
    double LogPdf(double x) => Math.Log(Pdf(x));
}
