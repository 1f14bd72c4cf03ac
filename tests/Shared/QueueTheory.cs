namespace NetSim.Tests.Shared;

/// <summary>Closed forms of queueing theory that tests in several projects compare against.</summary>
internal static class QueueTheory
{
    /// <summary>Erlang C: the probability that an arrival waits at an M/M/c queue with offered load a = lambda / mu.</summary>
    public static double ErlangC(int c, double a)
    {
        double term = 1;
        double sum = 1;
        for (var k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }

        var top = term * a / c / (1 - (a / c));
        return top / (sum + top);
    }
}
