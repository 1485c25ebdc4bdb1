using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// Whether <see cref="SqliteNative"/>'s direct calls may be used: the SQLite library SQLitePCLRaw loaded must be
/// <see cref="SqliteNative.Library"/>, and the direct imports must reach that very copy of it (a statement handle
/// passed to another copy would corrupt memory). Decided once, on first use, and kept; a "no" is logged once with
/// its reason, and exports then read through the portable data reader.
/// </summary>
internal sealed class NativeSqliteProbe
{
    private readonly Lazy<bool> _usable;

    public NativeSqliteProbe(ILogger<NativeSqliteProbe> logger)
        : this(logger, raw.GetNativeLibraryName)
    {
    }

    /// <param name="loadedLibraryName">The name of the library SQLitePCLRaw's provider loaded (a seam for tests).</param>
    internal NativeSqliteProbe(ILogger<NativeSqliteProbe> logger, Func<string> loadedLibraryName) =>
        _usable = new Lazy<bool>(() => Decide(logger, loadedLibraryName), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool IsUsable => _usable.Value;

    private static bool Decide(ILogger logger, Func<string> loadedLibraryName)
    {
        var reason = WhyNot(loadedLibraryName);
        if (reason is null)
        {
            logger.LogDebug("Exports read SQLite through direct calls into {Library}", SqliteNative.Library);
            return true;
        }
        logger.LogWarning("Exports read SQLite through the portable data reader: {Reason}", reason);
        return false;
    }

    /// <summary>Null when the direct calls reach the library SQLitePCLRaw uses; otherwise why not.</summary>
    private static string? WhyNot(Func<string> loadedLibraryName)
    {
        string loaded;
        try
        {
            loaded = loadedLibraryName();
        }
        catch (Exception ex)
        {
            return $"SQLitePCLRaw has no provider to ask ({ex.GetType().Name}: {ex.Message}).";
        }
        if (loaded != SqliteNative.Library)
        {
            return $"SQLitePCLRaw loaded '{loaded}', not '{SqliteNative.Library}'.";
        }
        nint direct;
        try
        {
            direct = SqliteNative.VersionAddress();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return $"'{SqliteNative.Library}' cannot be called directly ({ex.GetType().Name}: {ex.Message}).";
        }
        var provider = ProviderVersionAddress();
        return direct == provider
            ? null
            : $"the direct calls reach another copy of '{SqliteNative.Library}' than SQLitePCLRaw's.";
    }

    private static unsafe nint ProviderVersionAddress()
    {
        fixed (byte* version = raw.sqlite3_libversion())
        {
            return (nint)version;
        }
    }
}
