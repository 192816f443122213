"""ui/whatif"""
