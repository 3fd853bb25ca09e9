#pragma warning disable IDE0130 // The namespace is the point: a Plots-layer type that uses Gan.
namespace GanNotes.Plots;
#pragma warning restore IDE0130

/// <summary>A deliberate violation for <c>LayeringTests</c>: a type in the Plots layer that uses a Gan type.</summary>
internal static class UpwardReferenceFixture
{
    public static int Epochs() => GanNotes.Gan.GanRecipe.Fast.Epochs;
}
