using System.Runtime.InteropServices;

namespace RevenueShare.Server;

/// <summary>
/// Caps the C allocator's arenas at two, as <c>MALLOC_ARENA_MAX=2</c> would. glibc gives each thread
/// that meets contention an arena of its own, up to eight per core, and returns little of a freed
/// arena to the machine; SQLite's page caches and statements are allocated there, from the thread
/// pool's many threads. In the benchmark's load phase (60 s, same session) two arenas held the
/// working set at 1,198 MiB at the end and 526 MiB idle, against 1,535 and 630 MiB, at the same
/// throughput. Called first thing in <c>Main</c>, before the threads that allocate exist; an
/// operator's own <c>MALLOC_ARENA_MAX</c> wins, and where the C library is not glibc nothing happens.
/// </summary>
public static class MallocArenas
{
    /// <summary><c>M_ARENA_MAX</c> in glibc's <c>malloc.h</c>.</summary>
    private const int ArenaMax = -8;

    private const int Arenas = 2;

    public static void Limit()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = MallOpt(ArenaMax, Arenas);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no arenas to cap): its allocator is left as it is.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}
