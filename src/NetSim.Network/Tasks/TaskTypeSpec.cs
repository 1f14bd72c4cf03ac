namespace NetSim.Network.Tasks;

/// <summary>A kind of task in the scenario's mix, with samplers bound to the scenario's distributions.</summary>
/// <param name="Index">Position in the scenario's list.</param>
/// <param name="Name">Type name.</param>
/// <param name="Model">Model the type needs.</param>
/// <param name="Weight">Relative probability of the type.</param>
/// <param name="SizeBits">Draws an input size in bits.</param>
/// <param name="RelativeDeadline">Draws a relative deadline in seconds (+infinity for none).</param>
/// <param name="Steps">Default reverse-diffusion steps.</param>
public sealed record TaskTypeSpec(int Index, string Name, AigcModel Model, double Weight, Func<Random, double> SizeBits, Func<Random, double> RelativeDeadline, int Steps);
