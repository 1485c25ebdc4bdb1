using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// The engine's per-value functions called directly on the raw statement pointer, skipping the handle reference
/// counting of SQLitePCLRaw's managed wrapper. They bind to the library SQLitePCLRaw's bundle loads under this name;
/// <see cref="NativeSqliteProbe"/> checks that it is the same library before anything calls them. Reading a column of
/// the current row neither blocks nor calls back into .NET, so those calls skip the GC transition; stepping may do
/// I/O (and wait out a lock) and keeps it.
/// </summary>
internal static unsafe partial class SqliteNative
{
    public const string Library = "e_sqlite3";

    public static int Step(nint statement) => sqlite3_step(statement);

    public static long ColumnInt64(nint statement, int column) => sqlite3_column_int64(statement, column);

    public static int ColumnType(nint statement, int column) => sqlite3_column_type(statement, column);

    /// <summary>The value as bytes (UTF-8 for text); valid until the next step. Empty for NULL and ''.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> ColumnBytes(nint statement, int column)
    {
        // sqlite3_column_blob first, then _bytes, as SQLite's documentation prescribes.
        var pointer = sqlite3_column_blob(statement, column);
        return pointer == null ? default : new ReadOnlySpan<byte>(pointer, sqlite3_column_bytes(statement, column));
    }

    /// <summary>The address of the library's version string: one per loaded copy of the library.</summary>
    public static nint VersionAddress() => (nint)sqlite3_libversion();

    [LibraryImport(Library)]
    private static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    private static partial byte* sqlite3_libversion();

    [LibraryImport(Library), SuppressGCTransition]
    private static partial long sqlite3_column_int64(nint statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_column_type(nint statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial byte* sqlite3_column_blob(nint statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_column_bytes(nint statement, int column);
}
