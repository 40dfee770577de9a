using System.Buffers.Binary;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// The start of an ELF file's header: which processor the executable or library is for. A package
/// for the wrong one fails only on the server it was copied to, so the tests read it.
/// </summary>
internal static class ElfHeader
{
    public const ushort X86_64 = 62;
    public const ushort AArch64 = 183;

    /// <summary>
    /// <c>e_machine</c> of a 64-bit little-endian ELF file (offset 18); a file that is not one fails the test.
    /// </summary>
    public static ushort Machine(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.True(header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), $"{path} is not an ELF file.");
        Assert.True(header[4] == 2 && header[5] == 1, $"{path} is not a 64-bit little-endian ELF file.");
        return BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18, 2));
    }
}
