namespace NetSim.Policies.ScaKkt;

/// <summary>
/// One UE's task in problem P1 of Wang, Liu and Zhao: what a reverse-diffusion step costs on the
/// device (<c>r = 0</c>) and on the edge server (<c>r = 1</c>), the quality law, and the step limits.
/// </summary>
/// <param name="StepTimeLocal">Δt_{n,0}: seconds per step on the device (eq. 3).</param>
/// <param name="StepTimeEdge">Δt_{n,1}: seconds per step on the edge server (eq. 3).</param>
/// <param name="StepEnergyLocal">Joules per step on the device, <c>k_n f_n^3 Δt_{n,0}</c> (eq. 5 divided by s).</param>
/// <param name="StepEnergyEdge">Joules per step on the edge, <c>k_e g_n^3 Δt_{n,1}</c> (eq. 6 divided by s).</param>
/// <param name="EpsFwd">ε^fwd(S): error of the forward process (eq. 4).</param>
/// <param name="C1">C_{1,n} &gt; 0: error attenuation per step (eq. 4).</param>
/// <param name="C2">C_{2,n} &gt;= 0: utility growth per step (eq. 7).</param>
/// <param name="MaxStepsLocal">S_{n,0}^max: most steps on the device (eq. 2).</param>
/// <param name="MaxStepsEdge">S_{n,1}^max: most steps for this task on the edge (eq. 2).</param>
public readonly record struct ScaKktTask(
    double StepTimeLocal,
    double StepTimeEdge,
    double StepEnergyLocal,
    double StepEnergyEdge,
    double EpsFwd,
    double C1,
    double C2,
    double MaxStepsLocal,
    double MaxStepsEdge);
