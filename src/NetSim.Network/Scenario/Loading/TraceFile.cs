using System.Globalization;
using NetSim.Network.Scenario.Yaml;
using NetSim.Network.Tasks;

namespace NetSim.Network.Scenario.Loading;

/// <summary>
/// Reads an arrival trace CSV (<c>time,ue[,type][,size_bits]</c>; an optional header line, blank
/// lines and <c># comments</c>): times finite and at least 0, UE and type indices that exist, sizes
/// finite and above 0. <c>netsim validate</c> and a run read it alike, so that a bad trace is bad
/// input before a run starts. Every bad field is an error at its line and column, up to
/// <see cref="ScenarioLimits.MaxListedErrors"/>, then counted.
/// </summary>
internal static class TraceFile
{
    /// <summary>
    /// The arrivals of <paramref name="path"/> (shown in messages as <paramref name="shown"/>) for
    /// <paramref name="ues"/> UEs and <paramref name="types"/> task types; null after errors, which
    /// are added to <paramref name="errors"/> located at <paramref name="from"/> when the file
    /// cannot be read at all.
    /// </summary>
    public static List<TraceArrival>? Read(string path, string shown, int ues, int types, ScenarioLimits limits, SourceSpan from, List<ScenarioError> errors)
    {
        var problem = InputFile.Check(path, limits.TraceBytes, "a trace file", ScenarioLimits.TraceBytesVariable);
        if (problem is not null)
        {
            errors.Add(new ScenarioError(from, "ues.arrivals.file", $"cannot read the trace {Quote.Text(shown)}: {problem}"));
            return null;
        }

        var result = new List<TraceArrival>();
        var bad = 0;
        void Bad(int line, int column, string message)
        {
            if (++bad <= ScenarioLimits.MaxListedErrors)
            {
                errors.Add(new ScenarioError(new SourceSpan(shown, line, column), "ues.arrivals.file", message));
            }
        }

        var lineNumber = 0;
        try
        {
            foreach (var (line, at) in InputFile.CsvLines(path))
            {
                lineNumber = at;
                var arrival = ReadLine(line, lineNumber, ues, types, Bad);
                if (arrival is { } a)
                {
                    result.Add(a);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ScenarioError(from, "ues.arrivals.file", $"cannot read the trace {Quote.Text(shown)}: {Quote.Text(ex.Message, 200)}"));
            return null;
        }

        if (bad > ScenarioLimits.MaxListedErrors)
        {
            errors.Add(new ScenarioError(new SourceSpan(shown, lineNumber, 1), "ues.arrivals.file", $"and {bad - ScenarioLimits.MaxListedErrors} more bad fields in the trace"));
        }

        return bad > 0 ? null : result;
    }

    private static TraceArrival? ReadLine(string line, int number, int ues, int types, Action<int, int, string> bad)
    {
        var fields = InputFile.CsvFields(line);

        if (fields.Count < 2 || fields.Count > 4)
        {
            bad(number, 1, $"expected time,ue[,type][,size_bits], found {fields.Count} field{(fields.Count == 1 ? string.Empty : "s")}: {Quote.Value(line.Trim())}");
            return null;
        }

        var ok = true;
        if (!double.TryParse(fields[0].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var time) || !double.IsFinite(time) || time < 0)
        {
            ok = Fail(bad, number, fields[0], "time", "a finite time in seconds >= 0");
        }

        if (!int.TryParse(fields[1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ue) || ue >= ues)
        {
            ok = Fail(bad, number, fields[1], "ue", $"a UE index from 0 to {ues - 1}");
        }

        var type = -1;
        if (fields.Count > 2 && fields[2].Text.Length > 0
            && (!int.TryParse(fields[2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out type) || type >= types))
        {
            ok = Fail(bad, number, fields[2], "type", $"a task type index from 0 to {types - 1}, or nothing");
        }

        var size = double.NaN;
        if (fields.Count > 3 && fields[3].Text.Length > 0
            && (!double.TryParse(fields[3].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out size) || !double.IsFinite(size) || size <= 0))
        {
            ok = Fail(bad, number, fields[3], "size_bits", "a finite size in bits > 0, or nothing");
        }

        return ok ? new TraceArrival(time, ue, type, size) : null;
    }

    private static bool Fail(Action<int, int, string> bad, int line, (string Text, int Column) field, string name, string expected)
    {
        bad(line, field.Column, $"{name} {Quote.Value(field.Text)} (expected {expected})");
        return false;
    }
}
