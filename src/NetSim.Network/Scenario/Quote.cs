using System.Globalization;
using System.Text;

namespace NetSim.Network.Scenario;

/// <summary>
/// Input echoed in messages: control characters escaped (so that no terminal code reaches the
/// terminal) and long texts shortened to their start, an ellipsis and their length, so that a
/// message stays one readable line whatever the file held.
/// </summary>
public static class Quote
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxShown = 80;

    /// <summary><paramref name="text"/> in single quotes, escaped and shortened.</summary>
    public static string Value(string text) => $"'{Text(text)}'";

    /// <summary><paramref name="text"/> escaped and shortened, without quotes.</summary>
    public static string Text(string text) => Text(text, MaxShown);

    /// <summary><paramref name="text"/> with control characters escaped, shortened past <paramref name="max"/> characters.</summary>
    public static string Text(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = text.Length > max ? text[..max] : text;
        var sb = new StringBuilder(shown.Length + 24);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1])
                : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(shown[i - 1]);
            sb.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\x1b' => @"\e",
                _ when char.IsControl(c) || (char.IsSurrogate(c) && !paired) || IsInvisibleFormat(c) => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Length > max ? $"{sb}... ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)" : sb.ToString();
    }

    /// <summary>Line separators and direction overrides, which reorder or hide what a terminal shows.</summary>
    private static bool IsInvisibleFormat(char c) => c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
