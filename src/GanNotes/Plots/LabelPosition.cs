namespace GanNotes.Plots;

/// <summary>Where <see cref="ImageGrid.WithLabel"/> writes its label: on a band above the picture or below it.</summary>
public enum LabelPosition
{
    /// <summary>Over the picture, as a title ("seed004", "fast").</summary>
    Above,

    /// <summary>Under the picture, as a caption ("epoch 20").</summary>
    Below,
}
