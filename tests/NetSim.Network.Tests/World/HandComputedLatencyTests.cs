using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

public class HandComputedLatencyTests
{
    [Fact]
    public void Given_one_offloaded_task_When_it_runs_alone_Then_latency_is_upload_over_shannon_rate_plus_work_over_flops()
    {
        var model = Specs.FixedModel();
        var bits = 1.2e6;
        var spec = Specs.Points(
            [new Point(100, 0)],
            [new Point(0, 0)],
            [new TraceArrival(0, 0, 0, double.NaN)],
            [model],
            [Specs.Type(model, bits)]);
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        var snr = Specs.TxPowerW * Specs.Gain(100) / Specs.NoiseW;
        var upload = bits / (Specs.Bandwidth * Math.Log2(1 + snr));
        var compute = 200e6 / 15e9;
        var task = recorder.Task(0);
        Assert.Equal(TaskOutcome.Completed, task.Status);
        Assert.Equal(upload, task.UploadEnd - task.UploadStart, 1e-12);
        Assert.Equal(upload + compute, task.Latency, 1e-12);
        Assert.Equal("edge:0", task.Target);
    }

    [Fact]
    public void Given_a_local_task_When_the_device_is_idle_Then_latency_is_device_work_over_device_flops()
    {
        var model = Specs.FixedModel();
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0.5, 0, 0, double.NaN)], [model], [Specs.Type(model, 1e6)]);
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new LocalPolicy(), recorder).Run();

        var task = recorder.Task(0);
        Assert.Equal(50e6 / 300e6, task.Latency, 1e-12);
        Assert.Equal(0.5, task.Created);
        Assert.Equal("local", task.Target);
        Assert.True(double.IsNaN(task.UploadStart));
    }

    [Fact]
    public void Given_two_local_tasks_on_one_device_When_the_second_arrives_during_the_first_Then_it_waits_fifo()
    {
        var model = Specs.FixedModel();
        var service = 50e6 / 300e6;
        var spec = Specs.Points(
            [new Point(100, 0)],
            [new Point(0, 0)],
            [new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(0.1, 0, 0, double.NaN)],
            [model],
            [Specs.Type(model, 1e6)]);
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new LocalPolicy(), recorder).Run();

        Assert.Equal(service, recorder.Task(0).Latency, 1e-12);
        Assert.Equal(service, recorder.Task(1).ServiceStart, 1e-12);
        Assert.Equal((2 * service) - 0.1, recorder.Task(1).Latency, 1e-12);
    }
}
