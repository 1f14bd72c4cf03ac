using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Binding;

/// <summary>Distributions: a constant, <c>{uniform: [a, b]}</c>, <c>{exponential: mean}</c> or <c>none</c>.</summary>
public sealed partial class Binder
{
    private static readonly string[] DistributionNames = ["uniform", "exponential"];

    private bool BindDistribution(Node node, string path, ParamAttribute param, out object? result)
    {
        result = null;
        if (node.Kind == NodeKind.Scalar && node.Value == "none" && !node.Quoted)
        {
            result = param.AllowNone ? Distribution.None : null;
            return param.AllowNone || Error(node, path, $"'none' is not allowed here (expected {Expectation.Of(typeof(Distribution), param)})");
        }

        if (node.Kind == NodeKind.Scalar)
        {
            if (!BindNumber(node, path, param, out var constant))
            {
                return false;
            }

            result = Distribution.Constant((double)constant!);
            return true;
        }

        if (node.Kind != NodeKind.Mapping || node.Entries.Count != 1)
        {
            return Error(node, path, $"expected {Expectation.Of(typeof(Distribution), param)}, found {Expectation.Found(node)}");
        }

        var (kindNode, args) = node.Entries[0];
        var kindPath = $"{path}.{kindNode.Value}";
        switch (kindNode.Value)
        {
            case "uniform":
                return BindUniform(args, kindPath, param, out result);
            case "exponential":
                if (!BindNumber(args, kindPath, param, out var mean))
                {
                    return false;
                }

                result = Distribution.Exponential((double)mean!);
                return true;
            default:
                var suggestion = Naming.Closest(kindNode.Value ?? string.Empty, DistributionNames);
                return Error(kindNode, kindPath, $"unknown distribution {Quote.Value(kindNode.Value ?? string.Empty)} (expected uniform or exponential{(suggestion is null ? string.Empty : $"; did you mean {suggestion}?")})");
        }
    }

    private bool BindUniform(Node args, string path, ParamAttribute param, out object? result)
    {
        result = null;
        if (args.Kind != NodeKind.Sequence || args.Items.Count != 2)
        {
            return Error(args, path, $"expected [low, high], found {Expectation.Found(args)}");
        }

        var (lowNode, highNode) = (args.Items[0], args.Items[1]);
        if (!BindNumber(lowNode, $"{path}.0", param, out var low) | !BindNumber(highNode, $"{path}.1", param, out var high))
        {
            return false;
        }

        if ((double)low! > (double)high!)
        {
            return Error(args, path, $"low {Quote.Text(lowNode.Value!.Trim())} is above high {Quote.Text(highNode.Value!.Trim())}");
        }

        result = Distribution.Uniform((double)low, (double)high);
        return true;
    }
}
