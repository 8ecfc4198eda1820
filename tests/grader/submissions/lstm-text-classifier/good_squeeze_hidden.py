# correct: h_n.squeeze(0) (one layer, one direction), the (h_n, c_n) tuple indexed with [0]
from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_classes, pad_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(
            num_embeddings=vocab_size, embedding_dim=embed_dim, padding_idx=pad_idx
        )
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.classifier = nn.Linear(hidden_dim, num_classes)

    def forward(self, x):
        emb = self.embedding(x)
        _, hidden = self.lstm(emb)
        h_n = hidden[0]
        return self.classifier(h_n.squeeze(0))
