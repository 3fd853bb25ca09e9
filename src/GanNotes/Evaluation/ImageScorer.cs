using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>
/// Scores a set of 28 x 28 images against Fashion-MNIST, the scores of notebook 08 and
/// <c>gan-notes evaluate</c>: the classifier's class coverage, entropy and score; the Fréchet
/// distance of its features against the test set; and the paper's Parzen-window log-likelihood of
/// the test set under the images, sigma chosen on validation images.
/// </summary>
/// <remarks>
/// The validation images are the last <c>validationCount</c> of the training split (the paper's
/// protocol needs held-out data to pick sigma; the test set is kept for the score). The test set's
/// features are computed once, so scoring many checkpoints costs only the samples' own work.
/// </remarks>
public sealed class ImageScorer
{
    /// <summary>Validation images for the Parzen window's sigma.</summary>
    public const int DefaultValidationCount = 1_000;

    private readonly Tensor validation;

    /// <summary>Prepares the references: the test set's features and statistics, and the validation images.</summary>
    /// <exception cref="ArgumentException">The datasets are not 28 x 28, or the training set has no more images than the validation count.</exception>
    public ImageScorer(FashionClassifier classifier, ImageDataset train, ImageDataset test, int validationCount = DefaultValidationCount)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.PixelsPerImage != 784 || test.PixelsPerImage != 784)
        {
            throw new ArgumentException($"ImageScorer scores 28 x 28 images; got {train} and {test}.");
        }
        if (validationCount < 2 || validationCount >= train.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(validationCount), validationCount, $"Invalid validationCount: {validationCount}; it must lie in 2..{train.Count - 1}.");
        }
        Classifier = classifier;
        Test = test.ToTensor();
        TestStatistics = FeatureStatistics.Of(classifier.FeaturesOf(Test));
        validation = train.GetImages([.. Enumerable.Range(train.Count - validationCount, validationCount)]);
    }

    /// <summary>The shipped classifier and Fashion-MNIST from the data folder (default: located as <see cref="DataDirectory.Locate"/> does).</summary>
    /// <exception cref="FileNotFoundException">The dataset or the classifier's weights are missing.</exception>
    public static ImageScorer LoadShipped(string? dataDir = null)
    {
        string dir = dataDir ?? DataDirectory.Locate();
        return new ImageScorer(FashionClassifier.LoadShipped(dir), FashionMnist.Load(dir, train: true), FashionMnist.Load(dir, train: false));
    }

    /// <summary>The judge.</summary>
    public FashionClassifier Classifier { get; }

    /// <summary>The test images, [10000, 784].</summary>
    public Tensor Test { get; }

    /// <summary>The mean and covariance of the classifier's features on the test set.</summary>
    public FeatureStatistics TestStatistics { get; }

    /// <summary>The Fréchet distance between the classifier's features on <paramref name="images"/> and on the test set.</summary>
    public double FrechetDistanceOf(Tensor images) =>
        FrechetDistance.Between(FeatureStatistics.Of(Classifier.FeaturesOf(images)), TestStatistics);

    /// <summary>The classifier's class scores of <paramref name="images"/>.</summary>
    public ClassScores ClassScoresOf(Tensor images) => ClassScores.Of(Classifier.Probabilities(images));

    /// <summary>The Parzen-window estimate of the test set's log-likelihood under <paramref name="images"/>.</summary>
    /// <param name="images">G's samples, the window's centres.</param>
    /// <param name="testCount">Score only the first this many test images (default: all 10,000).</param>
    public ParzenEstimate ParzenOf(Tensor images, int? testCount = null) => ParzenLogLikelihoodsOf(images, testCount).Estimate;

    /// <summary>
    /// Each test image's Parzen-window log-likelihood under <paramref name="images"/>, in the test
    /// set's order: two generators scored on the same test images compare by <see cref="PairedDifference.Of"/>.
    /// </summary>
    /// <param name="images">G's samples, the window's centres.</param>
    /// <param name="testCount">Score only the first this many test images (default: all 10,000).</param>
    public ParzenLogLikelihoods ParzenLogLikelihoodsOf(Tensor images, int? testCount = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var test = testCount is { } m ? Test.IndexSelect([.. Enumerable.Range(0, Math.Min(m, Test.Shape[0]))]) : Test;
        return ParzenWindow.TestLogLikelihoods(images, validation, test);
    }

    /// <summary>Every score of <paramref name="images"/> ([n, 784], pixels in [0, 1], n &gt;= 2), as a row of evaluation.csv.</summary>
    /// <exception cref="ArgumentException">The images are not [n, 784] with n &gt;= 2, or hold NaN.</exception>
    public EvaluationScores Score(Tensor images, int epoch = 0, int step = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Rank != 2 || images.Shape[1] != 784 || images.Shape[0] < 2)
        {
            throw new ArgumentException($"ImageScorer needs images of shape [n, 784] with n >= 2, got [{string.Join(", ", images.Shape)}].", nameof(images));
        }
        var classes = ClassScoresOf(images);
        var parzen = ParzenOf(images);
        return new EvaluationScores(epoch, step, images.Shape[0],
            FrechetDistance: FrechetDistanceOf(images),
            ClassesCovered: classes.ClassesCovered,
            ClassEntropyBits: classes.EntropyBits,
            ClassifierScore: classes.ClassifierScore,
            ParzenLogLikelihood: parzen.MeanLogLikelihood,
            ParzenStandardError: parzen.StandardError,
            ParzenSigma: parzen.Sigma);
    }
}
