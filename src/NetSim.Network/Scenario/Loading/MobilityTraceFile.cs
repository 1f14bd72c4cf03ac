using System.Globalization;
using NetSim.Network.Geometry;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Loading;

/// <summary>
/// Reads a mobility trace CSV (<c>time,ue,x,y</c>; an optional header line, blank lines and
/// <c># comments</c>): times finite and at least 0, UE indices that exist, coordinates finite, and
/// each UE's times in increasing order. Every bad field is an error at its line and column, up to
/// <see cref="ScenarioLimits.MaxListedErrors"/>, then counted; <c>netsim validate</c> and a run read
/// it alike.
/// </summary>
internal static class MobilityTraceFile
{
    private const string Key = "ues.mobility.file";

    /// <summary>Each named UE's points in time order; null after errors, added to <paramref name="errors"/>.</summary>
    public static Dictionary<int, List<(double Time, Point At)>>? Read(string path, string shown, int ues, ScenarioLimits limits, SourceSpan from, List<ScenarioError> errors)
    {
        var problem = InputFile.Check(path, limits.TraceBytes, "a trace file", ScenarioLimits.TraceBytesVariable);
        if (problem is not null)
        {
            errors.Add(new ScenarioError(from, Key, $"cannot read the mobility trace {Quote.Text(shown)}: {problem}"));
            return null;
        }

        var result = new Dictionary<int, List<(double, Point)>>();
        var bad = 0;
        void Bad(int line, int column, string message)
        {
            if (++bad <= ScenarioLimits.MaxListedErrors)
            {
                errors.Add(new ScenarioError(new SourceSpan(shown, line, column), Key, message));
            }
        }

        var number = 0;
        try
        {
            foreach (var (line, at) in InputFile.CsvLines(path))
            {
                number = at;
                ReadLine(line, number, ues, result, Bad);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ScenarioError(from, Key, $"cannot read the mobility trace {Quote.Text(shown)}: {Quote.Text(ex.Message, 200)}"));
            return null;
        }

        if (bad > ScenarioLimits.MaxListedErrors)
        {
            errors.Add(new ScenarioError(new SourceSpan(shown, number, 1), Key, $"and {bad - ScenarioLimits.MaxListedErrors} more bad fields in the mobility trace"));
        }

        if (bad == 0 && result.Count == 0)
        {
            errors.Add(new ScenarioError(from, Key, $"the mobility trace {Quote.Text(shown)} has no point (expected lines time,ue,x,y)"));
            return null;
        }

        return bad > 0 ? null : result;
    }

    private static void ReadLine(string line, int number, int ues, Dictionary<int, List<(double, Point)>> result, Action<int, int, string> bad)
    {
        var fields = InputFile.CsvFields(line);

        if (fields.Count != 4)
        {
            bad(number, 1, $"expected time,ue,x,y, found {fields.Count} field{(fields.Count == 1 ? string.Empty : "s")}: {Quote.Value(line.Trim())}");
            return;
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

        var coordinates = new double[2];
        for (var k = 0; k < 2; k++)
        {
            if (!double.TryParse(fields[2 + k].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out coordinates[k]) || !double.IsFinite(coordinates[k]))
            {
                ok = Fail(bad, number, fields[2 + k], k == 0 ? "x" : "y", "a finite coordinate in metres");
            }
        }

        if (!ok)
        {
            return;
        }

        if (!result.TryGetValue(ue, out var points))
        {
            result[ue] = points = [];
        }

        if (points.Count > 0 && time < points[^1].Item1)
        {
            Fail(bad, number, fields[0], "time", $"a time no earlier than UE {ue}'s previous point at {points[^1].Item1.ToString(CultureInfo.InvariantCulture)} s");
            return;
        }

        points.Add((time, new Point(coordinates[0], coordinates[1])));
    }

    private static bool Fail(Action<int, int, string> bad, int line, (string Text, int Column) field, string name, string expected)
    {
        bad(line, field.Column, $"{name} {Quote.Value(field.Text)} (expected {expected})");
        return false;
    }
}
