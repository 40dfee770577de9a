namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The booked reportIds of <see cref="ReportIdRegistry"/>, as one 64-bit word a reportId: the top 40
/// bits of its hash and the ordinal of its agreement, in an open-addressed table at most three
/// quarters full (11–21 bytes a reportId, against 48 for a dictionary of hash and ordinal, and one
/// array that grows instead of two). Nothing is ever removed, so lookups need no tombstones.
/// <para>
/// Two reportIds whose hashes share their top 40 bits count as one here. That is no different in kind
/// from two sharing a whole hash: the registry already treats a match as a suspicion its agreement
/// confirms.
/// </para>
/// </summary>
internal sealed class BookedReportIds
{
    /// <summary>Bits of a word that hold the ordinal (plus one, so that a used word is never 0).</summary>
    private const int OrdinalBits = 24;

    private const ulong OrdinalMask = (1UL << OrdinalBits) - 1;

    /// <summary>The most agreements the table can tell apart: 16,777,214.</summary>
    public const int MaxOrdinal = (int)OrdinalMask - 1;

    private ulong[] words = new ulong[1024];

    public int Count { get; private set; }

    /// <summary>The ordinal kept for <paramref name="hash"/>'s fingerprint, if any.</summary>
    public bool TryGetOrdinal(ulong hash, out int ordinal)
    {
        var word = words[Find(words, hash)];
        ordinal = (int)(word & OrdinalMask) - 1;
        return word != 0;
    }

    /// <summary>
    /// Keeps <paramref name="hash"/> for the agreement <paramref name="ordinal"/>; answers false when its
    /// fingerprint is already kept for another agreement (the caller keeps that reportId whole).
    /// </summary>
    public bool TryKeep(ulong hash, int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ordinal, MaxOrdinal);
        var slot = Find(words, hash);
        if (words[slot] != 0)
        {
            return (int)(words[slot] & OrdinalMask) - 1 == ordinal;
        }

        if (checked((Count + 1) * 4) > words.Length * 3)
        {
            Grow();
            slot = Find(words, hash);
        }

        words[slot] = Fingerprint(hash) | (uint)(ordinal + 1);
        Count++;
        return true;
    }

    private void Grow()
    {
        var grown = new ulong[checked(words.Length * 2)];
        foreach (var word in words)
        {
            if (word != 0)
            {
                // A home slot is taken from the fingerprint, which the word holds whole: the table
                // grows from its words alone.
                grown[Find(grown, word)] = word;
            }
        }

        words = grown;
    }

    /// <summary>The slot that holds <paramref name="hash"/>'s fingerprint, or else the empty slot where it would go.</summary>
    private static int Find(ulong[] table, ulong hash)
    {
        var mask = table.Length - 1;
        var slot = Home(hash, mask);
        while (table[slot] != 0 && Fingerprint(table[slot]) != Fingerprint(hash))
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private static ulong Fingerprint(ulong hashOrWord) => hashOrWord & ~OrdinalMask;

    /// <summary>A hash's home slot, from the bits of its fingerprint so that a stored word finds it too.</summary>
    private static int Home(ulong hash, int mask) => (int)((Fingerprint(hash) >> OrdinalBits) & (ulong)mask);
}
