using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary>A refusal as it travels in an agreement's answer.</summary>
public sealed record RejectionWire(string Code, string Message, string? Path, IReadOnlyList<string> PermittedTriggers, string? CollidesWith)
{
    public static RejectionWire Of(Rejection rejection) =>
        new(MessageNames.Write(rejection.Code), rejection.Message, rejection.Path, [.. rejection.PermittedTriggers], rejection.CollidesWith?.Value);

    public Rejection ToDomain() => new(MessageNames.Read<RejectionCode>(Code), Message, Path)
    {
        PermittedTriggers = [.. PermittedTriggers],
        CollidesWith = CollidesWith is null ? null : AgreementId.Parse(CollidesWith),
    };
}
