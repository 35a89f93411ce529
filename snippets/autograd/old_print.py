"""Python 2's `print x` is a SyntaxError in Python 3;
compile() the old line to see it fail."""
OLD_LOOP = '''
for t in range(500):
    loss = (y_pred - y).pow(2).sum()
    print t, loss.data[0]
'''

# --8<-- [start:compile]
try:
    # compile only: nothing is run
    compile(OLD_LOOP, "old_tutorial.py", "exec")
except SyntaxError as err:
    print(f"line {err.lineno}: {err.text.strip()!r}")
    print("SyntaxError:", err.msg)
    assert err.lineno == 4
    assert "Missing parentheses in call to 'print'" in err.msg
else:
    raise AssertionError("Python 3 should reject the print statement")
# --8<-- [end:compile]

# --8<-- [start:fixed]
NEW_LOOP = OLD_LOOP.replace("print t, loss.data[0]", "print(t, loss.item())")
code = compile(NEW_LOOP, "new_tutorial.py", "exec")
print("after the fix it compiles:", type(code).__name__)
# --8<-- [end:fixed]
