import torch.nn as nn
import torch.nn.functional as fn


class CNN(nn.Module):
    def __init__(self, num_classes = 10):
        super().__init__()
        self.c1 = nn.Conv2d(1, 32, kernel_size = 3, padding = 1)
        self.c2 = nn.Conv2d(32, 64, kernel_size = 3, padding = 1)

        self.dense1 = nn.Linear(64*7*7, 128)
        self.dense2 = nn.Linear(128, num_classes)

    def forward(self, images):
        # 합성곱 블록 두 개
        out = fn.max_pool2d(fn.relu(self.c1(images)), 2)
        out = fn.max_pool2d(fn.relu(self.c2(out)), 2)
        out = out.view(out.size(0), -1)   # 펼치기
        out = fn.relu(self.dense1(out))
        return self.dense2(out)
