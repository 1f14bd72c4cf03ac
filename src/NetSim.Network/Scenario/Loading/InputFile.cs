using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NetSim.Network.Scenario.Loading;

/// <summary>
/// Reads the files a scenario names (includes, arrival traces) safely: only regular files (never a
/// device such as <c>/dev/zero</c>, a named pipe or a socket, which could block or never end), and
/// only up to a byte limit, checked before reading and again while reading.
/// </summary>
internal static partial class InputFile
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>
    /// The data lines of a CSV file with their 1-based line numbers: blank lines, <c># comments</c>
    /// and a header (a first line starting with a letter) left out.
    /// </summary>
    public static IEnumerable<(string Line, int Number)> CsvLines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || (number == 1 && char.IsLetter(trimmed[0])))
            {
                continue;
            }

            yield return (line, number);
        }
    }

    /// <summary>The comma-separated fields of <paramref name="line"/>, trimmed, each with the 1-based column where its text starts.</summary>
    public static List<(string Text, int Column)> CsvFields(string line)
    {
        var fields = new List<(string Text, int Column)>();
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == ',')
            {
                var raw = line[start..i];
                fields.Add((raw.Trim(), start + 1 + raw.Length - raw.TrimStart().Length));
                start = i + 1;
            }
        }

        return fields;
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file of at most <paramref name="limit"/> bytes;
    /// else why not, naming <paramref name="what"/> and the environment variable <paramref name="variable"/>
    /// that raises the limit.
    /// </summary>
    public static string? Check(string path, long limit, string what, string variable)
    {
        if (!File.Exists(path))
        {
            return System.IO.Directory.Exists(path) ? "is a directory" : "no such file";
        }

        if (!OperatingSystem.IsWindows())
        {
            var type = FileType(path);
            if (type is { } t && t != Regular)
            {
                return t == Directory ? "is a directory" : "not a regular file (a device, a named pipe or a socket cannot be read as a file)";
            }
        }

        var length = new FileInfo(path).Length;
        return length > limit ? TooLarge(length.ToString("N0", CultureInfo.InvariantCulture), limit, what, variable) : null;
    }

    /// <summary>
    /// The text of <paramref name="path"/>, or null and why not (as for <see cref="Check"/>, or an
    /// error of the file system).
    /// </summary>
    public static string? ReadText(string path, long limit, string what, string variable, out string? error)
    {
        try
        {
            error = Check(path, limit, what, variable);
            if (error is not null)
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            using var bounded = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                bounded.Write(buffer, 0, read);
                if (bounded.Length > limit)
                {
                    error = TooLarge("more", limit, what, variable);
                    return null;
                }
            }

            bounded.Position = 0;
            using var reader = new StreamReader(bounded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = "no such file";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = Quote.Text(ex.Message, 200);
        }

        return null;
    }

    /// <summary>
    /// The file-type bits of <paramref name="path"/>'s mode, through the stat of the .NET runtime's own
    /// native shim (present in every .NET runtime on Unix; its status record starts with an int of
    /// flags, then the mode). Null when the type cannot be read that way (a runtime without the
    /// shim): the byte limits, checked while reading, still bound what is read.
    /// </summary>
    private static int? FileType(string path)
    {
        try
        {
            var status = new byte[256];
            return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) & TypeMask : null;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    private static string TooLarge(string bytes, long limit, string what, string variable) =>
        $"{bytes} bytes, more than the limit of {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes for {what} ({variable} raises it)";

    /// <summary>The runtime's portable stat (<c>SystemNative_Stat</c>): an int of flags, then the mode with portable file-type bits.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte[] output);
}
