#!/usr/bin/env python3
r"""Final hidden states of a Llama-family decoder (llama, qwen2, mistral), computed with torch.

An independent check of the plain-Java ReferenceDecoder in the training module's tests: this
script is written from Hugging Face transformers' published LlamaModel / Qwen2Model architecture
(RMSNorm, rotary embedding with optional llama3 scaling, causal grouped-query attention, SwiGLU
MLP, final RMSNorm) using torch tensor operations, and needs only torch and numpy (safetensors
files are parsed by hand).

How the committed fixtures were made
(training/src/test/resources/org/sycolab/backbone/decoder/reference-{llama,qwen2}.json):

  mvn -B -o -q -pl training test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=/tmp/sycolab-test.classpath
  cp="training/target/test-classes:training/target/classes:$(cat /tmp/sycolab-test.classpath)"
  java -cp "$cp" org.sycolab.backbone.decoder.WriteReferenceCheckpoints /tmp/decoder-fixtures
  # writes /tmp/decoder-fixtures/llama and /tmp/decoder-fixtures/qwen2 (TinyDecoderCheckpoint)
  for m in llama qwen2; do
    /usr/bin/python3 scripts/reference/decoder_reference.py /tmp/decoder-fixtures/$m \
        --ids 1,17,256,3,99,140,7,299,0,42,42,42,180,64,5,231,77,12,150,8 \
        > training/src/test/resources/org/sycolab/backbone/decoder/reference-$m.json
  done

with torch 1.13 on CPU, in float64. DecoderPyTorchFixtureTest then regenerates the same
checkpoints in Java and checks ReferenceDecoder against these numbers, without Python.
"""

import argparse
import hashlib
import json
import math
import os
import struct
import sys

import numpy as np
import torch

SINGLE_FILE = "model.safetensors"
INDEX_FILE = "model.safetensors.index.json"


def read_safetensors(path):
    """Every tensor of one safetensors file as float32 torch tensors, by name."""
    with open(path, "rb") as f:
        data = f.read()
    (header_size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_size])
    buffer = data[8 + header_size :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = buffer[begin:end]
        dtype = info["dtype"]
        if dtype == "F32":
            values = np.frombuffer(raw, dtype="<f4").astype(np.float32)
        elif dtype == "F16":
            values = np.frombuffer(raw, dtype="<f2").astype(np.float32)
        elif dtype == "BF16":
            bits = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
            values = bits.view(np.float32)
        else:
            raise ValueError(f"{path}: {name} has dtype {dtype}; expected F32, F16 or BF16")
        tensors[name] = torch.from_numpy(values.copy()).reshape(info["shape"])
    return tensors


def read_weights(model_dir):
    """The model directory's tensors: model.safetensors, or the shards its index names."""
    index = os.path.join(model_dir, INDEX_FILE)
    if os.path.exists(index):
        with open(index) as f:
            files = sorted(set(json.load(f)["weight_map"].values()))
    else:
        files = [SINGLE_FILE]
    tensors = {}
    for name in files:
        tensors.update(read_safetensors(os.path.join(model_dir, name)))
    return tensors, files


def weights_sha256(model_dir, files):
    """sha256 of the single weights file, or of the sha256sum-style listing of the shards."""
    digests = []
    for name in files:
        with open(os.path.join(model_dir, name), "rb") as f:
            digests.append((hashlib.sha256(f.read()).hexdigest(), name))
    if len(digests) == 1:
        return digests[0][0]
    listing = "".join(f"{digest}  {name}\n" for digest, name in digests)
    return hashlib.sha256(listing.encode()).hexdigest()


def inverse_frequencies(config, head_dim, dtype):
    theta = config.get("rope_theta") or 10000.0
    inv_freq = 1.0 / theta ** (torch.arange(0, head_dim, 2, dtype=dtype) / head_dim)
    scaling = config.get("rope_scaling")
    if not scaling:
        return inv_freq
    rope_type = scaling.get("rope_type", scaling.get("type"))
    if rope_type != "llama3":
        raise ValueError(f"rope_scaling type {rope_type} is not supported; only llama3")
    factor = scaling["factor"]
    low = scaling["low_freq_factor"]
    high = scaling["high_freq_factor"]
    old_context = scaling["original_max_position_embeddings"]
    wavelen = 2 * math.pi / inv_freq
    smooth = (old_context / wavelen - low) / (high - low)
    blended = (1 - smooth) * inv_freq / factor + smooth * inv_freq
    scaled = torch.where(wavelen > old_context / low, inv_freq / factor, inv_freq)
    between = (wavelen <= old_context / low) & (wavelen >= old_context / high)
    return torch.where(between, blended, scaled)


def rms_norm(x, weight, eps):
    variance = x.pow(2).mean(-1, keepdim=True)
    return x * torch.rsqrt(variance + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def hidden_states(config, weights, ids, dtype):
    """Final hidden states (T, hidden) of one unpadded sequence."""
    w = {name: tensor.to(dtype) for name, tensor in weights.items()}
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    kv_heads = config.get("num_key_value_heads") or heads
    head_dim = config.get("head_dim") or hidden // heads
    eps = config["rms_norm_eps"]
    if config.get("mlp_bias"):
        raise SystemExit("decoder_reference: mlp_bias is not implemented here")
    window = config.get("sliding_window")
    if window is not None and len(ids) > window and config["model_type"] == "mistral":
        raise SystemExit("decoder_reference: the input is longer than the sliding window")
    model_type = config["model_type"]
    attention_bias = bool(config.get("attention_bias", False))
    qkv_bias = model_type == "qwen2" or attention_bias
    o_bias = model_type != "qwen2" and attention_bias

    length = len(ids)
    inv_freq = inverse_frequencies(config, head_dim, dtype)
    freqs = torch.outer(torch.arange(length, dtype=dtype), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos()[:, None, :], emb.sin()[:, None, :]
    mask = torch.full((length, length), float("-inf"), dtype=dtype).triu(1)

    def linear(module, x, biased):
        bias = w[module + ".bias"] if biased else None
        return torch.nn.functional.linear(x, w[module + ".weight"], bias)

    x = w["model.embed_tokens.weight"][torch.tensor(ids)]
    for layer in range(config["num_hidden_layers"]):
        p = f"model.layers.{layer}."
        n = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = linear(p + "self_attn.q_proj", n, qkv_bias).view(length, heads, head_dim)
        k = linear(p + "self_attn.k_proj", n, qkv_bias).view(length, kv_heads, head_dim)
        v = linear(p + "self_attn.v_proj", n, qkv_bias).view(length, kv_heads, head_dim)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        group = heads // kv_heads
        q = q.transpose(0, 1)
        k = k.transpose(0, 1).repeat_interleave(group, dim=0)
        v = v.transpose(0, 1).repeat_interleave(group, dim=0)
        scores = q @ k.transpose(1, 2) / math.sqrt(head_dim) + mask
        attended = (scores.softmax(-1) @ v).transpose(0, 1).reshape(length, heads * head_dim)
        h = x + linear(p + "self_attn.o_proj", attended, o_bias)
        n = rms_norm(h, w[p + "post_attention_layernorm.weight"], eps)
        gate = linear(p + "mlp.gate_proj", n, False)
        up = linear(p + "mlp.up_proj", n, False)
        x = h + linear(p + "mlp.down_proj", torch.nn.functional.silu(gate) * up, False)
    return rms_norm(x, w["model.norm.weight"], eps)


def main(argv):
    parser = argparse.ArgumentParser(
        description="Print, as JSON, the final hidden states (after the last RMSNorm) of a "
        "llama/qwen2/mistral model directory (config.json + safetensors weights) for one "
        "sequence of token ids, computed with torch from the published architecture.",
        epilog="The JSON holds the config, the weights' sha256 (of model.safetensors, or of the "
        "sha256sum listing of the shards), the input ids and hidden_states[position][dim].",
    )
    parser.add_argument("model_dir", help="directory with config.json and the weights")
    parser.add_argument("--ids", required=True, help="comma-separated token ids, e.g. 1,17,256")
    parser.add_argument(
        "--precision",
        choices=["float64", "float32"],
        default="float64",
        help="torch dtype of the computation (default float64)",
    )
    args = parser.parse_args(argv)
    with open(os.path.join(args.model_dir, "config.json")) as f:
        config = json.load(f)
    weights, files = read_weights(args.model_dir)
    ids = [int(token) for token in args.ids.split(",")]
    dtype = torch.float64 if args.precision == "float64" else torch.float32
    with torch.no_grad():
        states = hidden_states(config, weights, ids, dtype)
    json.dump(
        {
            "config": config,
            "weights_sha256": weights_sha256(args.model_dir, files),
            "precision": args.precision,
            "input_ids": ids,
            "hidden_states": states.tolist(),
        },
        sys.stdout,
        indent=1,
    )
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
