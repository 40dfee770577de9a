using System.Collections.Immutable;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// A refusal, as a value: the code, a message for people, the JSON path of the field at fault (if
/// one is), and for a refused trigger the triggers the machine permits now.
/// </summary>
public sealed record Rejection(RejectionCode Code, string Message, string? Path = null)
{
    public ImmutableArray<string> PermittedTriggers { get; init; } = [];

    public AgreementId? CollidesWith { get; init; }
}
