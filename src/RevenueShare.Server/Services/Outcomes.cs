namespace RevenueShare.Server.Services;

/// <summary>
/// Makes an <see cref="Outcome{T}"/> of a value whose type is an interface (a list, say), which C#'s
/// implicit conversions cannot take.
/// </summary>
public static class Outcomes
{
    public static Outcome<T> Of<T>(T value) => new(value, null);
}
