"""Exercise: find the migration table's old idioms in source code with
the ast module: keyword arguments, attributes, calls and indexing."""
import ast

OLD_KEYWORDS = {"volatile", "size_average", "reduce", "pretrained"}
OLD_NAMES = {"Variable", "set_default_tensor_type", "Scale"}
OLD_METHODS = {"cuda"}


def find_old(source):
    """(line, idiom) for every old idiom in source, in line order."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg in OLD_KEYWORDS:
            found.append((node.value.lineno, node.arg + "="))
        elif isinstance(node, ast.Name) and node.id in OLD_NAMES:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute):
            if node.attr in OLD_NAMES:
                found.append((node.lineno, "." + node.attr))
            elif node.attr in OLD_METHODS:
                found.append((node.lineno, "." + node.attr + "()"))
            elif node.attr == "data":
                found.append((node.lineno, ".data"))
        elif (isinstance(node, ast.Constant)
              and node.value == "elementwise_mean"):
            found.append((node.lineno, "'elementwise_mean'"))
    return sorted(set(found))


OLD = """
from torch.autograd import Variable
torch.set_default_tensor_type('torch.cuda.FloatTensor')
model = nn.Sequential(nn.Linear(10, 32), nn.Tanh(), nn.Linear(32, 1)).cuda()
loss_fn = nn.MSELoss(size_average=False)
x = Variable(inputs)
print(t, loss.data[0])  # volatile in a comment is not flagged
x_test = Variable(test_inputs, volatile=True)
"""
NEW = """
model = nn.Sequential(nn.Linear(10, 32), nn.Tanh(), nn.Linear(32, 1))
model = model.to(device)
loss_fn = nn.MSELoss(reduction="sum")
x = inputs.to(device)
print(t, loss.item())
with torch.inference_mode():
    x_test = test_inputs.to(device)
"""

old_hits = find_old(OLD)
for line, idiom in old_hits:
    print(f"old code, line {line}: {idiom}")
print("in the port:", find_old(NEW))
idioms = {idiom for _, idiom in old_hits}
assert idioms == {"Variable", ".set_default_tensor_type", ".cuda()",
                  "size_average=", ".data", "volatile="}
assert find_old(NEW) == []
