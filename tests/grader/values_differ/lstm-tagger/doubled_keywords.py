from torch import nn


class SequenceTagger(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, num_tags):
        super().__init__()
        self.embed = nn.Embedding(num_embeddings=vocab_size, embedding_dim=embed_dim)
        self.rnn = nn.LSTM(
            input_size=embed_dim,
            hidden_size=2 * hidden_dim,
            batch_first=True,
            bidirectional=True,
        )
        self.out = nn.Linear(in_features=2 * (2 * hidden_dim), out_features=num_tags)

    def forward(self, x):
        states, _ = self.rnn(self.embed(x))
        return self.out(states)
