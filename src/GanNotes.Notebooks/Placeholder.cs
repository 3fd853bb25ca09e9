namespace GanNotes.Notebooks;

internal static class Placeholder
{
}
