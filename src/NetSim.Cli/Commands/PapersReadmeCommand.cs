using System.CommandLine;
using System.Globalization;
using NetSim.Plots;
using NetSim.Plots.Reproduction;
using NetSim.Traces;

namespace NetSim.Cli.Commands;

/// <summary>
/// <c>netsim papers-readme WORK_DIR</c>: writes results/papers/README.md (to standard output or
/// <c>--out</c>) from the trace databases tools/reproduce-papers.sh leaves in WORK_DIR; the options
/// say what the script ran.
/// </summary>
internal static class PapersReadmeCommand
{
    public static Command Create()
    {
        var work = new Argument<string>("work-dir") { Description = "the reproduction's work directory (results/papers/work)" };
        var mode = new Option<string>("--mode") { Description = "quick or full: how tools/reproduce-papers.sh ran", DefaultValueFactory = _ => "full" };
        mode.AcceptOnlyFromAmong("quick", "full");
        var elapsed = Int("--elapsed", "seconds the whole script took");
        var reps = Int("--replications", "replications of every evaluated point");
        var zhou = Int("--zhou-episodes", "actor-critic training episodes on zhou2024, per bound");
        var wang = Int("--wang-episodes", "MADDPG/DDPG training episodes on wang2025 at 10 devices");
        var wangOther = Int("--wang-episodes-other", "the same at the other device counts");
        var devices = new Option<string>("--wang-devices") { Description = "device counts with trained MADDPG/DDPG agents, space-separated (\"5 10 15 20\")", Required = true };
        var zhouDdpg = Int("--zhou-ddpg-episodes", "DDPG-family training episodes on zhou2024");
        var wangAc = Int("--wang-ac-episodes", "actor-critic training episodes on wang2025");
        var wang24 = Int("--wang2024-episodes", "training episodes of every agent on wang2024");
        var seeds = new Option<string>("--training-seeds") { Description = "the seeds every learned agent was trained with, space-separated (\"1 2 3\")", Required = true };
        var output = new Option<string?>("--out") { Description = "write the README to this file instead of standard output" };
        var command = new Command("papers-readme", "write results/papers/README.md from the databases of tools/reproduce-papers.sh")
        {
            work, mode, elapsed, reps, zhou, wang, wangOther, devices, zhouDdpg, wangAc, wang24, seeds, output,
        };
        command.SetAction(parse =>
        {
            var counts = new[] { elapsed, reps, zhou, wang, wangOther, zhouDdpg, wangAc, wang24 };
            if (counts.FirstOrDefault(o => parse.GetValue(o) < 0) is { } negative)
            {
                Console.Error.WriteLine($"netsim papers-readme: {negative.Name} {parse.GetValue(negative)}: expected a count of 0 or more");
                return ExitCodes.BadInput;
            }

            var deviceText = parse.GetValue(devices)!;
            var deviceCounts = Counts(deviceText, positive: true);
            if (deviceCounts is null)
            {
                Console.Error.WriteLine($"netsim papers-readme: --wang-devices '{deviceText}': expected device counts separated by spaces, such as \"5 10 15 20\"");
                return ExitCodes.BadInput;
            }

            var seedText = parse.GetValue(seeds)!;
            var seedList = Counts(seedText, positive: false);
            if (seedList is null)
            {
                Console.Error.WriteLine($"netsim papers-readme: --training-seeds '{seedText}': expected seeds (whole numbers) separated by spaces, such as \"1 2 3\"");
                return ExitCodes.BadInput;
            }

            var options = new PapersReadmeOptions(
                parse.GetValue(mode) == "quick", parse.GetValue(elapsed), parse.GetValue(reps), parse.GetValue(zhou), parse.GetValue(wang),
                parse.GetValue(wangOther), deviceCounts, parse.GetValue(zhouDdpg), parse.GetValue(wangAc), parse.GetValue(wang24), seedList);
            try
            {
                var text = PapersReadme.Write(parse.GetValue(work)!, options);
                if (parse.GetValue(output) is { } path)
                {
                    File.WriteAllText(path, text);
                }
                else
                {
                    Console.Out.Write(text);
                }

                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is TraceException or MissingDataException)
            {
                Console.Error.WriteLine($"netsim papers-readme: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"netsim papers-readme: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static Option<int> Int(string name, string description) => new(name) { Description = description, Required = true };

    /// <summary>Whole numbers separated by spaces (each above 0 when <paramref name="positive"/>), null when there is none or one is not.</summary>
    private static List<int>? Counts(string text, bool positive)
    {
        var values = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n > 0 || !positive) ? n : -1).ToList();
        return values.Count == 0 || values.Contains(-1) ? null : values;
    }
}
