using System.Text;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Tests.Sealing;

/// <summary>The link of an agreement's SM3 chain: what it is a digest of, and what sealing an event does.</summary>
public sealed class EventChainTests
{
    private const string PersistenceId = "agreement-GZ-2026-0001";
    private static readonly AgreementId Agreement = AgreementId.Parse("GZ-2026-0001");
    private static readonly Instant At = Instant.FromUtc(2026, 4, 2, 3, 4, 5);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{}");

    /// <summary>
    /// By hand: SM3 of 32 zero bytes | 00 00 00 16 "agreement-GZ-2026-0001" | 00…01 | 00 00 00 15
    /// "agreement-approved.v1" | 00 00 00 02 "{}", computed with Python's hashlib (OpenSSL's SM3).
    /// </summary>
    [Fact]
    public void The_first_link_is_the_sm3_of_its_parts_with_their_lengths()
    {
        var digest = EventChain.Link(ChainDigest.Zero, PersistenceId, 1, "agreement-approved.v1", Payload);

        Assert.Equal("782713e34692d1c23675df2163f24e2680313def2a0940d07e818a69e0eefe83", digest.ToString());
    }

    [Fact]
    public void Changing_any_part_of_a_link_changes_its_digest()
    {
        var head = ChainDigest.Parse("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        var digest = EventChain.Link(head, PersistenceId, 7, "figures-booked.v2", Payload);
        ChainDigest[] others =
        [
            EventChain.Link(ChainDigest.Zero, PersistenceId, 7, "figures-booked.v2", Payload),
            EventChain.Link(head, "agreement-GZ-2026-0002", 7, "figures-booked.v2", Payload),
            EventChain.Link(head, PersistenceId, 8, "figures-booked.v2", Payload),
            EventChain.Link(head, PersistenceId, 7, "figures-booked.v1", Payload),
            EventChain.Link(head, PersistenceId, 7, "figures-booked.v2", Encoding.UTF8.GetBytes("{ }")),
        ];

        Assert.DoesNotContain(digest, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    /// <summary>Lengths come before the texts, so moving a character from the persistence id into the manifest is another link.</summary>
    [Fact]
    public void A_boundary_moved_between_two_texts_is_another_link()
    {
        Assert.NotEqual(
            EventChain.Link(ChainDigest.Zero, "agreement-GZ-2026-00011", 1, "x", Payload),
            EventChain.Link(ChainDigest.Zero, "agreement-GZ-2026-0001", 1, "1x", Payload));
    }

    [Fact]
    public void Sealed_events_link_each_to_the_one_before_and_an_approval_takes_the_head_as_its_seal()
    {
        var booked = SealedEvent.Seal(new AgreementApproved(Agreement, null, At, Principal.Finance), ChainDigest.Zero, PersistenceId, 1);
        var approval = SealedEvent.Seal(Review(ReviewDecision.Approve), booked.Digest, PersistenceId, 2);
        var reopening = SealedEvent.Seal(Review(ReviewDecision.Reopen), approval.Digest, PersistenceId, 3);

        Assert.Equal(ChainDigest.Zero, booked.Previous);
        Assert.Equal(booked.Digest, approval.Previous);
        Assert.Equal(booked.Digest, Assert.IsType<MonthReviewed>(approval.Event).Seal);
        Assert.Null(Assert.IsType<MonthReviewed>(reopening.Event).Seal);
        Assert.Equal(LedgerSerializer.Payload(approval.Event), approval.Payload);
        Assert.Equal(("month-reviewed.v2", approval.Digest), (approval.Manifest, EventChain.Link(booked.Digest, PersistenceId, 2, "month-reviewed.v2", approval.Payload)));
    }

    [Fact]
    public void A_digest_reads_back_from_its_hex_and_refuses_anything_else()
    {
        const string Hex = "b27549c71a7044b8f2ee4f5b55d948687ae7bf108a5cae8b91aab51039287a27";

        Assert.Equal(Hex, ChainDigest.Parse(Hex.ToUpperInvariant()).ToString());
        Assert.Equal(new string('0', 64), ChainDigest.Zero.ToString());
        Assert.Equal(ChainDigest.Parse(Hex), ChainDigest.Of(Convert.FromHexString(Hex)));
        Assert.Throws<FormatException>(() => ChainDigest.Parse(Hex[..^1]));
        Assert.Throws<FormatException>(() => ChainDigest.Parse(Hex[..^1] + "g"));
        Assert.Throws<FormatException>(() => ChainDigest.Of(new byte[31]));
    }

    private static MonthReviewed Review(ReviewDecision decision) =>
        new(Agreement, new YearMonth(2025, 1), IndicatorFamily.Tax, decision, "核对", At, Principal.Tax);
}
