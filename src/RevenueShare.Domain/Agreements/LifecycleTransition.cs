namespace RevenueShare.Domain.Agreements;

/// <summary>One arrow of the lifecycle machine: <see cref="Trigger"/> leads from <see cref="From"/> to <see cref="To"/> (the same status for a re-entry).</summary>
public sealed record LifecycleTransition(AgreementStatus From, LifecycleTrigger Trigger, AgreementStatus To);
