namespace GanNotes.Gan;

/// <summary>A <see cref="GanRecipe"/> setting that cannot run; <see cref="Problem"/> names it, its value and the rule.</summary>
public sealed class InvalidRecipeException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="problem"/>; <see cref="ArgumentException.ParamName"/> is the setting's config.json name.</summary>
    public InvalidRecipeException(RecipeProblem problem)
        : base(problem?.ToString(), problem?.Setting) => Problem = problem;

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidRecipeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidRecipeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public InvalidRecipeException()
    {
    }

    /// <summary>The setting, its value and the rule it breaks (null when created from a message only).</summary>
    public RecipeProblem? Problem { get; }

    /// <summary>"invalid lr -1: the learning rate must be positive and finite" (without ArgumentException's parameter suffix).</summary>
    public override string Message => Problem?.ToString() ?? base.Message;
}
