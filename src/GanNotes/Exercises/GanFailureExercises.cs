using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 06 (when GANs fail: mode collapse and a discriminator that
/// wins): the right answers and the usual wrong ones live here, not in the notebook, so the cell
/// a student edits gives nothing away.
/// </summary>
/// <example><code>
/// Console.WriteLine(GanFailureExercises.JsdOfOneMode(jsdOneMode));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class GanFailureExercises
{
    /// <summary>
    /// Exercise 1: JSD(p_data || p_g) when p_data is the ring of eight Gaussians N_1..N_8 with equal
    /// weights and p_g = N_1, the modes treated as disjoint. With M = (p_data + p_g)/2 = 9/16 N_1 on the
    /// first mode and 1/16 N_k on the others, KL(p_g || M) = log(16/9) and KL(p_data || M) =
    /// 1/8 log(2/9) + 7/8 log 2; the JSD is half their sum, about 0.4969 (natural logarithms).
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult JsdOfOneMode(double answer)
    {
        double klG = Math.Log(16.0 / 9);
        double klData = Math.Log(2.0 / 9) / 8 + 7 * Math.Log(2) / 8;
        double jsd = (klG + klData) / 2;
        return ExerciseCheck.Number("JSD(p_data || p_g) for a G on one mode", answer, jsd,
            (Math.Log(2), "log 2 is the JSD of two distributions that do not overlap at all; this p_g overlaps p_data on one mode."),
            (klG + klData, "That is the sum of the two KL divergences to the mixture M; the JSD is half of it."),
            (-Math.Log(4) + 2 * jsd, "That is C(G) = -log 4 + 2 JSD; the question asks for the JSD itself."),
            (jsd / Math.Log(2), "That is the JSD in bits; the course measures it with natural logarithms, as Theorem 1 does (its maximum is log 2)."),
            (klG, "That is KL(p_g || M) alone; add KL(p_data || M) and halve the sum."),
            (klData, "That is KL(p_data || M) alone; add KL(p_g || M) and halve the sum."));
    }
}
