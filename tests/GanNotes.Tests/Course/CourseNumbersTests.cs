namespace GanNotes.Tests.Course;

/// <summary>
/// Every number the course's text quotes is one the reader can see in the same notebook: an
/// output shows it (allowing rounding), a code cell holds it, or the notebook lists it in
/// <c>metadata.gan_notes.constants</c> with its source in the lecture notes or the paper
/// (<see cref="NumbersCheck"/>; which numbers count as quoted: <see cref="ProseNumbers"/>).
/// </summary>
/// <remarks>
/// One notebook at a time, from the repository root, after a build:
/// <code>
/// dotnet test tests/GanNotes.Tests -c Release --no-build --filter "FullyQualifiedName~CourseNumbersTests&amp;DisplayName~05-mlp-gan"
/// </code>
/// The failure lists each unshown number with its cell index, cell id and sentence.
/// </remarks>
public class CourseNumbersTests
{
    public static TheoryData<string> Notebooks() => CourseNotebooksTests.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_EveryQuotedNumber_IsShownInTheNotebook(string name) =>
        NumbersCheck.Assert(Path.Combine(Repository.Root, "notebooks", name));
}
