using System.Globalization;

namespace GanNotes.Evaluation;

/// <summary>
/// What a classifier says about a set of samples: how often each class is predicted, how many of
/// the K classes G produces in fair numbers, how evenly (the entropy of the predicted classes), and
/// how confidently (the "Inception score" of Salimans et al. 2016, with our classifier in Inception's place).
/// </summary>
/// <param name="PerClass">How many samples the classifier puts in each class.</param>
/// <param name="ClassesCovered">Classes that receive at least half their fair share (1/(2K) of the samples).</param>
/// <param name="EntropyBits">The entropy of the predicted classes' histogram, in bits: log2 K when every class is equally frequent, 0 when all samples are one class.</param>
/// <param name="ClassifierScore">exp(E_x KL(p(y|x) || p(y))): from 1 (every sample the same vague guess) to K (each sample confidently one class, all classes equally often).</param>
public sealed record ClassScores(IReadOnlyList<int> PerClass, int ClassesCovered, double EntropyBits, double ClassifierScore)
{
    /// <summary>The scores of the class probabilities p(y | x_i), one row per sample (rows of a softmax).</summary>
    /// <exception cref="ArgumentException">No rows, or rows of different lengths.</exception>
    public static ClassScores Of(IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0 || probabilities.Any(p => p.Length != probabilities[0].Length || p.Length == 0))
        {
            throw new ArgumentException("ClassScores needs at least one row of class probabilities, all of one length.", nameof(probabilities));
        }
        int n = probabilities.Count, k = probabilities[0].Length;
        var perClass = new int[k];
        var marginal = new double[k];
        foreach (var p in probabilities)
        {
            perClass[Array.IndexOf(p, p.Max())]++;
            for (int c = 0; c < k; c++)
            {
                marginal[c] += p[c] / (double)n;
            }
        }
        double entropy = 0;
        foreach (int count in perClass)
        {
            if (count > 0)
            {
                double q = (double)count / n;
                entropy -= q * Math.Log2(q);
            }
        }
        double klSum = 0;
        foreach (var p in probabilities)
        {
            for (int c = 0; c < k; c++)
            {
                // 0 log 0 = 0; p(y) > 0 wherever p(y|x) > 0.
                if (p[c] > 0)
                {
                    klSum += p[c] * (Math.Log(p[c]) - Math.Log(marginal[c]));
                }
            }
        }
        int covered = perClass.Count(c => c >= n / (2.0 * k));
        return new ClassScores(perClass, covered, entropy, Math.Exp(klSum / n));
    }

    /// <summary>"10 of 10 classes covered, entropy 3.26 of 3.32 bits, classifier score 7.41".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ClassesCovered} of {PerClass.Count} classes covered, entropy {EntropyBits:F2} of {Math.Log2(PerClass.Count):F2} bits, classifier score {ClassifierScore:F2}");
}
