namespace NetSim.Cli;

/// <summary>The <c>netsim</c> command.</summary>
public static class Program
{
    /// <summary>Entry point; the exit code follows DESIGN.md (0 ok, 1 failure, 2 bad input, 130 interrupted).</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("netsim: no commands yet");
        return args.Length == 0 ? 2 : 2;
    }
}
