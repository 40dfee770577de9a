namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary>A message between nodes that carries one agreement id and nothing else (<c>get-agreement</c>, <c>is-issued</c>, <c>coverage-reserved</c>, <c>agreement-id</c>).</summary>
public sealed record AgreementIdWire(string AgreementId);
