using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetSim.Traces;

/// <summary>
/// A run's identity key (DESIGN.md): the hash of its scenario (grid values and overrides applied),
/// its parameters (the grid point and overrides as JSON), its policy, its replication and its seed.
/// Two runs with one key are the same experiment, so a database holds at most one complete run per
/// key and statistics never pool two of them.
/// </summary>
public static class RunKey
{
    /// <summary>The key: 32 hexadecimal digits of the SHA-256 of the five fields.</summary>
    public static string Of(string scenarioSha256, string parameters, string policy, int replication, ulong seed)
    {
        var text = string.Join('\n', scenarioSha256, parameters, policy, replication.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
