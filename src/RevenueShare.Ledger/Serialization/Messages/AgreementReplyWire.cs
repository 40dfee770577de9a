using System.Buffers.Binary;
using System.Runtime.Serialization;
using System.Text.Json;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary>
/// <c>agreement-reply</c> between nodes: the length of a JSON header (4 bytes, little-endian), the
/// header — rejection, outcomes, journal position, whether a state follows (else which agreement
/// answered without it) — and then the agreement's
/// state in the compact snapshot's bytes (<see cref="AgreementSnapshotV2Wire"/>), which are tested
/// to give back the same state, rather than a second description of it.
/// </summary>
public sealed record AgreementReplyWire(bool HasState, RejectionWire? Rejection, IReadOnlyList<ReportOutcomeWire> Outcomes, long SequenceNr, string? Answering)
{
    public static byte[] Write(AgreementReply reply)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new AgreementReplyWire(
                reply.State is not null, reply.Rejection is null ? null : RejectionWire.Of(reply.Rejection), [.. reply.Outcomes.Select(ReportOutcomeWire.Of)], reply.SequenceNr, reply.Answering?.Value),
            WireJson.Options);
        var state = reply.State is null ? [] : AgreementSnapshotV2Wire.Write(reply.State);
        var bytes = new byte[checked(4 + header.Length + state.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, header.Length);
        header.CopyTo(bytes, 4);
        state.CopyTo(bytes, 4 + header.Length);
        return bytes;
    }

    public static AgreementReply Read(byte[] bytes, ReferenceData reference)
    {
        var length = bytes.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : -1;
        if (length < 0 || length > bytes.Length - 4)
        {
            throw new SerializationException("agreement-reply: the header's length does not fit the message.");
        }

        var header = JsonSerializer.Deserialize<AgreementReplyWire>(bytes.AsSpan(4, length), WireJson.Options)
            ?? throw new SerializationException("agreement-reply: empty header.");
        var state = header.HasState ? AgreementSnapshotV2Wire.Read(bytes.AsMemory(4 + length), reference) : null;
        return new AgreementReply(state, header.Rejection?.ToDomain(), [.. header.Outcomes.Select(o => o.ToDomain())], header.SequenceNr)
        {
            Answering = header.Answering is null ? null : Domain.Agreements.AgreementId.Parse(header.Answering),
        };
    }
}
