using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors;

/// <summary>Devices by name, moving tensors between them, and the errors of mixing them.</summary>
public sealed class DeviceTests
{
    private static Device Gpu => Device.CudaKernelsOnCpu;

    [Theory]
    [InlineData("cpu")]
    [InlineData("CPU")]
    public void Parse_Cpu_IsTheCpu(string name) => Assert.Same(Device.Cpu, Device.Parse(name));

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void Parse_UnknownName_SaysWhatIsExpected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Device.Parse(name));

        Assert.StartsWith($"Unknown device '{name}': expected 'cpu', 'cuda' or 'cuda:N'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CudaBeyondTheGpus_SaysWhatThereIs()
    {
        var e = Assert.Throws<ArgumentException>(() => Device.Parse("cuda:99"));

        Assert.StartsWith("Device 'cuda:99' is not available: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(Device.CudaIsAvailable ? "CUDA device(s)" : "no NVIDIA GPU with a working driver", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_WhereThereIsAGpu_ParsesToIt_ElseRefusesInOneLine()
    {
        if (Device.CudaIsAvailable)
        {
            var cuda = Device.Parse("cuda");
            Assert.Equal((DeviceType.Cuda, 0, "cuda:0"), (cuda.Type, cuda.Index, cuda.ToString()));
            Assert.Equal(2f, Tensor.FromArray([1f, 1f]).To(cuda).Sum().Item());
        }
        else
        {
            var e = Assert.Throws<ArgumentException>(() => Device.Parse("cuda"));
            Assert.Equal("Device 'cuda:0' is not available: no NVIDIA GPU with a working driver (libcuda) was found; use 'cpu'.", e.Message);
        }
    }

    [Fact]
    public void To_CopiesToTheDevice_AndTheGradientFlowsBack()
    {
        var x = TestTensors.Leaf([1f, -2f, 3f], [3]);

        var onGpu = x.To(Gpu);
        Assert.Equal(Gpu, onGpu.Device);
        Assert.Same(onGpu, onGpu.To(Gpu));
        (onGpu * onGpu).Sum().Backward();

        Assert.Equal(Device.Cpu, x.Grad!.Device);
        Assert.Equal([2f, -4f, 6f], x.Grad.ToArray());
    }

    [Fact]
    public void CopyFrom_AcrossDevices_CopiesTheValues()
    {
        var onGpu = Tensor.Zeros(2, 2).To(Gpu);

        onGpu.CopyFrom_(Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2));

        Assert.Equal([1f, 2f, 3f, 4f], onGpu.ToArray());
    }

    [Fact]
    public void MixingDevices_InOneOp_SaysWhichAndHowToFixIt()
    {
        var onGpu = Tensor.Ones(2).To(Gpu);

        var e = Assert.Throws<ArgumentException>(() => onGpu + Tensor.Ones(2));

        Assert.Equal($"Add: tensors are on different devices ({Gpu} and cpu); move one with .To(device) first.", e.Message);
    }

    [Fact]
    public void TensorScope_OnTheAccelerator_RecyclesAndRefusesLateUse()
    {
        var x = Tensor.FromArray([1f, 2f]).To(Gpu);
        Tensor inside;
        using (TensorScope.Begin())
        {
            inside = x * 2f;
            Assert.Equal([2f, 4f], inside.ToArray());
        }

        var e = Assert.Throws<InvalidOperationException>(() => inside.ToArray());
        Assert.Contains("TensorScope", e.Message, StringComparison.Ordinal);
    }
}
