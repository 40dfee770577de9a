using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Tests.ReportIds;

public sealed class BookedReportIdsTests
{
    [Fact]
    public void A_kept_hash_answers_its_agreement_and_an_unknown_one_nothing()
    {
        var booked = new BookedReportIds();
        Assert.True(booked.TryKeep(0x0123_4567_89AB_CDEF, 7));

        Assert.True(booked.TryGetOrdinal(0x0123_4567_89AB_CDEF, out var ordinal));
        Assert.Equal(7, ordinal);
        Assert.False(booked.TryGetOrdinal(0x0123_4567_89AB_CDEE + 0x0100_0000, out _));
        Assert.Equal(1, booked.Count);
    }

    [Fact]
    public void A_hash_kept_for_one_agreement_is_refused_to_another_and_kept_again_for_its_own()
    {
        var booked = new BookedReportIds();
        Assert.True(booked.TryKeep(0xFEDC_BA98_7654_3210, 3));

        Assert.False(booked.TryKeep(0xFEDC_BA98_7654_3210, 4));
        Assert.True(booked.TryKeep(0xFEDC_BA98_7654_3210, 3));
        Assert.True(booked.TryGetOrdinal(0xFEDC_BA98_7654_3210, out var ordinal));
        Assert.Equal(3, ordinal);
        Assert.Equal(1, booked.Count);
    }

    [Fact]
    public void Hashes_that_differ_only_in_their_low_24_bits_share_a_fingerprint()
    {
        // The registry confirms such a match with the agreement, as it does a whole hash's.
        var booked = new BookedReportIds();
        Assert.True(booked.TryKeep(0xAAAA_BBBB_CC00_0001, 1));

        Assert.False(booked.TryKeep(0xAAAA_BBBB_CCFF_FFFF, 2));
        Assert.True(booked.TryGetOrdinal(0xAAAA_BBBB_CCFF_FFFF, out var ordinal));
        Assert.Equal(1, ordinal);
    }

    [Fact]
    public void Hashes_with_one_home_slot_are_told_apart_by_the_rest_of_their_fingerprint()
    {
        // The same bits 24..33 (one home slot in the first table), different bits above them.
        var booked = new BookedReportIds();
        var hashes = Enumerable.Range(1, 600).Select(i => ((ulong)i << 40) | (0x155UL << 24)).ToList();
        foreach (var (hash, i) in hashes.Select((h, i) => (h, i)))
        {
            Assert.True(booked.TryKeep(hash, i));
        }

        Assert.All(hashes.Select((h, i) => (h, i)), each =>
        {
            Assert.True(booked.TryGetOrdinal(each.h, out var ordinal));
            Assert.Equal(each.i, ordinal);
        });
        Assert.False(booked.TryGetOrdinal((601UL << 40) | (0x155UL << 24), out _));
    }

    [Fact]
    public void Agreement_ordinals_run_from_0_to_the_most_a_word_holds()
    {
        var booked = new BookedReportIds();
        Assert.True(booked.TryKeep(1UL << 63, BookedReportIds.MaxOrdinal));
        Assert.True(booked.TryGetOrdinal(1UL << 63, out var ordinal));
        Assert.Equal(16_777_214, ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => booked.TryKeep(1UL << 62, BookedReportIds.MaxOrdinal + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => booked.TryKeep(1UL << 62, -1));
    }

    /// <summary>Hashes over the whole range, and half the time from a narrow one so that fingerprints meet.</summary>
    private static readonly Gen<ulong> Hashes = Gen.Zip(
        Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(int.MinValue, int.MaxValue)),
        Gen.Choose(int.MinValue, int.MaxValue),
        (high, low) => ((ulong)unchecked((uint)high) << 32) | unchecked((uint)low));

    [Property(MaxTest = 50)]
    public Property The_table_answers_what_a_dictionary_of_fingerprints_would_through_every_growth() =>
        Prop.ForAll(
            Gen.Choose(0, 5_000).SelectMany(n => Gen.ArrayOf(Gen.Zip(Hashes, Gen.Choose(0, 40)), n)).ToArbitrary(),
            kept =>
            {
                var booked = new BookedReportIds();
                var model = new Dictionary<ulong, int>();
                foreach (var (hash, ordinal) in kept)
                {
                    var fingerprint = hash >> 24;
                    var expected = !model.TryGetValue(fingerprint, out var held) || held == ordinal;
                    model.TryAdd(fingerprint, ordinal);
                    if (booked.TryKeep(hash, ordinal) != expected)
                    {
                        return false;
                    }
                }

                return booked.Count == model.Count
                    && kept.All(k => booked.TryGetOrdinal(k.Item1, out var ordinal) && ordinal == model[k.Item1 >> 24])
                    && kept.All(k => booked.TryGetOrdinal(k.Item1 ^ (1UL << 63), out _) == model.ContainsKey((k.Item1 ^ (1UL << 63)) >> 24));
            });
}
