using System.Diagnostics.CodeAnalysis;

namespace RevenueShare.Server.Services;

/// <summary>What an application service answers: its value, or the <see cref="Services.Refusal"/> that stopped it.</summary>
public readonly struct Outcome<T>
{
    private readonly T? value;

    internal Outcome(T? value, Refusal? refusal)
    {
        this.value = value;
        Refusal = refusal;
    }

    public Refusal? Refusal { get; }

    /// <summary>The value; only when <see cref="Refusal"/> is null.</summary>
    public T Value => Refusal is null ? value! : throw new InvalidOperationException($"The request was refused: {Refusal.Detail}");

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    public bool IsRefused([NotNullWhen(true)] out Refusal? refusal)
    {
        refusal = Refusal;
        return refusal is not null;
    }
}
