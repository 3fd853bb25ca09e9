using System.Globalization;
using System.Text;

namespace GanNotes.Evaluation;

/// <summary>
/// The scores of one checkpoint of a run, one row of its evaluation.csv. Image runs fill the
/// classifier's and the Parzen window's columns, ring runs the coverage columns; the others are null.
/// </summary>
/// <param name="Epoch">The checkpoint's epoch.</param>
/// <param name="Step">The checkpoint's generator step.</param>
/// <param name="Count">How many samples of G were scored.</param>
/// <param name="FrechetDistance">The Fréchet distance of the classifier's features, G's samples against the test set.</param>
/// <param name="ClassesCovered">Classes predicted for at least half their fair share of samples.</param>
/// <param name="ClassEntropyBits">The entropy of the predicted classes, in bits (log2 10 = 3.32 at most).</param>
/// <param name="ClassifierScore">exp(E KL(p(y|x) || p(y))), 1 to 10.</param>
/// <param name="ParzenLogLikelihood">The test set's mean log-likelihood under a Parzen window on G's samples, in nats.</param>
/// <param name="ParzenStandardError">Its standard error over test points.</param>
/// <param name="ParzenSigma">The window's width, chosen on the validation images.</param>
/// <param name="ModesHit">Ring runs: modes receiving at least 1% of the samples within 3 sigma.</param>
/// <param name="HighQualityShare">Ring runs: the share of samples within 3 sigma of a mode.</param>
public sealed record EvaluationScores(
    int Epoch,
    int Step,
    int Count,
    double? FrechetDistance = null,
    int? ClassesCovered = null,
    double? ClassEntropyBits = null,
    double? ClassifierScore = null,
    double? ParzenLogLikelihood = null,
    double? ParzenStandardError = null,
    double? ParzenSigma = null,
    int? ModesHit = null,
    double? HighQualityShare = null)
{
    /// <summary>The columns of evaluation.csv, in order.</summary>
    public const string CsvHeader = "epoch,step,count,frechet_distance,classes_covered,class_entropy_bits,classifier_score,parzen_log_likelihood,parzen_standard_error,parzen_sigma,modes_hit,high_quality_share";

    /// <summary>This row as CSV, in the invariant culture, empty where a score does not apply.</summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join(',',
            Epoch.ToString(c), Step.ToString(c), Count.ToString(c),
            Format(FrechetDistance), ClassesCovered?.ToString(c) ?? "", Format(ClassEntropyBits), Format(ClassifierScore),
            Format(ParzenLogLikelihood), Format(ParzenStandardError), Format(ParzenSigma),
            ModesHit?.ToString(c) ?? "", Format(HighQualityShare));
    }

    /// <summary>Parses a line written by <see cref="ToCsv"/>.</summary>
    /// <exception cref="FormatException">The line does not have the columns of <see cref="CsvHeader"/>.</exception>
    public static EvaluationScores ParseCsv(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var f = line.Split(',');
        int expected = CsvHeader.Split(',').Length;
        if (f.Length != expected)
        {
            throw new FormatException($"expected {expected} columns, found {f.Length}");
        }
        var c = CultureInfo.InvariantCulture;
        return new EvaluationScores(int.Parse(f[0], c), int.Parse(f[1], c), int.Parse(f[2], c),
            Parse(f[3]), ParseInt(f[4]), Parse(f[5]), Parse(f[6]), Parse(f[7]), Parse(f[8]), Parse(f[9]), ParseInt(f[10]), Parse(f[11]));
    }

    /// <summary>The scores as name and value, the applicable ones only, for tables and JSON.</summary>
    public IReadOnlyList<(string Name, double Value)> Values()
    {
        var values = new List<(string, double)>();
        void Add(string name, double? v)
        {
            if (v is { } x)
            {
                values.Add((name, x));
            }
        }
        Add("frechet_distance", FrechetDistance);
        Add("classes_covered", ClassesCovered);
        Add("class_entropy_bits", ClassEntropyBits);
        Add("classifier_score", ClassifierScore);
        Add("parzen_log_likelihood", ParzenLogLikelihood);
        Add("parzen_standard_error", ParzenStandardError);
        Add("parzen_sigma", ParzenSigma);
        Add("modes_hit", ModesHit);
        Add("high_quality_share", HighQualityShare);
        return values;
    }

    /// <summary>One line for a console: "epoch 10: FD 12.3, 10 of 10 classes, entropy 3.25 bits, score 6.71, Parzen 250.1 ± 2.0 (sigma 0.11)".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder().Append(c, $"epoch {Epoch} ({Count} samples):");
        var parts = new List<string>();
        if (FrechetDistance is { } fd)
        {
            parts.Add(string.Create(c, $"FD {fd:F2}"));
        }
        if (ClassesCovered is { } covered)
        {
            parts.Add(string.Create(c, $"{covered} of 10 classes, entropy {ClassEntropyBits:F2} bits, classifier score {ClassifierScore:F2}"));
        }
        if (ParzenLogLikelihood is { } ll)
        {
            parts.Add(string.Create(c, $"Parzen {ll:F1} ± {ParzenStandardError:F1} nats (sigma {ParzenSigma:0.###})"));
        }
        if (ModesHit is { } modes)
        {
            parts.Add(string.Create(c, $"{modes} modes hit, {HighQualityShare:P1} within 3 sigma"));
        }
        return sb.Append(' ').Append(string.Join(", ", parts)).ToString();
    }

    private static string Format(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static double? Parse(string s) => s.Length == 0 ? null : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int? ParseInt(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);
}
