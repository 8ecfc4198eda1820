import torch


def encode_and_pad(sentences, vocab, max_len, pad_id=0, unk_id=1) -> torch.Tensor:
    """토큰 문장들을 id로 바꾸고 max_len으로 자르거나 오른쪽을 pad_id로 채운 int64 텐서를 반환합니다."""
    # TODO: 문장마다 id로 바꾸고(없는 토큰은 unk_id), 자르고, 오른쪽을 채우세요.
    raise NotImplementedError("encode_and_pad를 완성하세요")
