using NetSim.Network.Tasks;

namespace NetSim.Network.Scheduling;

/// <summary>What a policy may know about a task awaiting a decision.</summary>
/// <param name="Id">Task identifier.</param>
/// <param name="Ue">Creating UE.</param>
/// <param name="Type">Task type index.</param>
/// <param name="Model">Model the task needs.</param>
/// <param name="SizeBits">Input size, bits.</param>
/// <param name="Created">Creation time.</param>
/// <param name="Deadline">Absolute deadline, or +infinity.</param>
/// <param name="Steps">Default reverse-diffusion steps.</param>
public readonly record struct TaskView(long Id, int Ue, int Type, AigcModel Model, double SizeBits, double Created, double Deadline, int Steps);
