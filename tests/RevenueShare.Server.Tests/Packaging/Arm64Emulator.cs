using System.Diagnostics;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// Runs an arm64 (Kunpeng, Phytium) build on this x64 machine under Debian's qemu-user-static, named
/// explicitly rather than through binfmt, with the arm64 C library, C++ runtime, ICU and OpenSSL that
/// .ci/run installs as Debian's arm64 packages (multiarch), found where an arm64 system has them.
/// </summary>
internal static class Arm64Emulator
{
    public const string Program = "qemu-aarch64-static";

    /// <summary>
    /// A start of <paramref name="executable"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.
    /// The runtime's W^X (code written through one mapping and run through another) is off: qemu
    /// translates code once per address and does not see the writes through the other mapping, so
    /// the JIT's code ran stale and crashed (an access violation in the first minute of serve).
    /// </summary>
    public static ProcessStartInfo Start(string executable, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Program) { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return start;
    }
}
